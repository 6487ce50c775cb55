/* The keystroke-to-pages time of "vanban serve" in chromium; run by
 * bench/serve-preview.sh. */
'use strict';
const path = require('path');
const { chromium } = require(path.join(process.env.PW, 'node_modules', 'playwright-core'));
const { URL, TOKEN } = process.env;
const N = Number(process.env.N || 30);

const pct = (a, p) => a.slice().sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(URL + '/?ma=' + TOKEN);
  await page.click('#bang-van-ban tbody tr');
  await page.waitForFunction(() => document.body.dataset.idle === '1' && document.body.dataset.shownAt);
  const npages = await page.$$eval('#trang img', (l) => l.length);
  await page.evaluate(() => {
    document.getElementById('noi-dung').addEventListener('keydown', () => { window.keyAt = performance.now(); }, true);
  });
  const total = [], server = [], sent = [], work = {};
  const body = await page.$eval('#noi-dung', (t) => t.value.length);
  for (let i = 0; i < N; i++) {
    /* a place in a paragraph, spread over the whole plan */
    const at = Math.floor(body * (0.05 + 0.9 * (i % 10) / 10));
    await page.$eval('#noi-dung', (t, a) => {
      const p = t.value.indexOf(' ', a);
      t.focus();
      t.setSelectionRange(p, p);
    }, at);
    const mark = await page.evaluate(() => Number(document.body.dataset.previews));
    await page.keyboard.type(i % 2 ? 'x' : 'y');
    /* polled every 50 ms, not at every frame: the figure is taken from
     * the page's own clock (shownAt - keyAt), and polling each frame would
     * take a core from the browser and server on a 2-core machine */
    await page.waitForFunction((m) => Number(document.body.dataset.previews) > m &&
      document.body.dataset.idle === '1' && Number(document.body.dataset.shownAt) > window.keyAt,
    mark, { polling: 50 });
    const r = await page.evaluate(() => ({
      total: Number(document.body.dataset.shownAt) - window.keyAt,
      server: Number(document.body.dataset.previewMs),
      sent: Number(document.body.dataset.sent),
      work: JSON.parse(document.body.dataset.workMs || '{}'),
    }));
    total.push(r.total); server.push(r.server); sent.push(r.sent);
    for (const [k, v] of Object.entries(r.work)) (work[k] = work[k] || []).push(v);
  }
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });
  const f = (x) => x.toFixed(0);
  console.log(`pages: ${npages}, keystrokes: ${N}`);
  console.log(`keystroke -> new pages on screen: median ${f(pct(total, 0.5))} ms, p90 ${f(pct(total, 0.9))} ms, max ${f(Math.max(...total))} ms`);
  console.log(`request -> answer (server): median ${f(pct(server, 0.5))} ms, p90 ${f(pct(server, 0.9))} ms`);
  console.log(`pages sent per keystroke: median ${pct(sent, 0.5)}, max ${Math.max(...sent)}`);
  /* the render worker's time: parse and check, layout, rasterizing, PNG */
  console.log('in the worker, median ms: ' + Object.entries(work).map(([k, v]) => `${k} ${pct(v, 0.5).toFixed(1)}`).join(', '));
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
