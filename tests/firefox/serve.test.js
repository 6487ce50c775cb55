/* The page of "vanban serve" in Debian's firefox-esr, over WebDriver BiDi
 * (puppeteer-core); run by tests/test_serve_firefox.sh. */
'use strict';
const path = require('path');
const puppeteer = require(path.join(process.env.PP, 'node_modules', 'puppeteer-core'));
const { URL, TOKEN, SHOT } = process.env;
let fails = 0;

function ok(cond, name) {
  console.log((cond ? 'ok - ' : 'not ok - ') + name);
  if (!cond) fails++;
}

/* Waits until fn(arg) is true in the page, asking every 100 ms; puppeteer's
 * waitForFunction fails at once on firefox-esr 140 ("Waiting failed"). */
async function until(page, fn, arg, ms) {
  const end = Date.now() + ms;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error('timed out waiting for ' + fn);
    await new Promise((r) => setTimeout(r, 100));
  }
}

(async () => {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr',
    headless: true, protocol: 'webDriverBiDi', defaultViewport: null,
    args: ['--no-remote', '--width=1500', '--height=950'] });
  const errors = [];
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  /* the window's own size, not an emulated viewport: firefox-esr 140
   * (Debian 12's before 153) has no emulation.setScreenOrientationOverride,
   * which puppeteer's setViewport sends */
  await page.goto(URL + '/?ma=' + TOKEN);
  await page.waitForSelector('#bang-van-ban tbody tr');
  ok((await page.$eval('#bang-van-ban tbody', (e) => e.textContent)).includes('Kế hoạch'),
    'Firefox (' + await browser.version() + ') shows the list of documents');
  await page.click('#bang-van-ban tbody tr');
  await until(page, () => document.body.dataset.idle === '1' && !!document.body.dataset.shownAt, null, 60000);
  const n = await page.$$eval('#trang img', (l) => l.length);
  ok(n >= 2, 'the document opens with its preview (' + n + ' pages)');
  const before = await page.$eval('#trang', (e) => e.dataset.hashes);
  const mark = await page.evaluate(() => Number(document.body.dataset.previews));
  await page.$eval('#noi-dung', (t) => { const p = t.value.indexOf('Đoạn thứ 3 '); t.focus(); t.setSelectionRange(p, p); });
  await page.keyboard.type('Gõ trong Firefox. ');
  await until(page, (m) => Number(document.body.dataset.previews) > m && document.body.dataset.idle === '1' &&
    [...document.querySelectorAll('#trang img')].every((i) => i.complete), mark, 60000);
  const after = await page.$eval('#trang', (e) => e.dataset.hashes);
  ok(after !== before && after.split(',')[0] !== before.split(',')[0], 'typing changes the preview of the page typed on');
  ok(await page.$eval('#trang-thai', (e) => e.textContent) === 'Chưa lưu', 'the page says the text is not saved');
  const sizes = await page.$$eval('#trang img', (l) => l.map((i) => [i.naturalWidth,
    Math.round(i.getBoundingClientRect().width * devicePixelRatio)]));
  ok(sizes.every(([w, s]) => w === s), 'the pages are drawn at the size they are shown (' + sizes[0] + ')');
  if (SHOT) await page.screenshot({ path: SHOT });
  ok(errors.length === 0, 'no error in the page' + (errors.length ? ': ' + errors.join('; ') : ''));
  await browser.close();
})().catch((e) => { console.log('not ok - the Firefox test ran: ' + e); process.exit(1); }).then(() => process.exit(fails > 0 ? 1 : 0));
