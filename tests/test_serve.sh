#!/bin/sh
# "vanban serve" at the HTTP level (issue 13, "Security — it is a server"):
# the access token, cookies, the Host check (DNS rebinding), CSRF and
# Origin, names that are paths (.., absolute, backslash, encoded), symlinks
# leading out, file types, request and upload sizes, the connection limit,
# a render that crashes or runs too long, saving over a change made on disk,
# the recovery copy, and the routes' results (preview pages sent once,
# DOCX valid, PDF text, new documents from vanban new, imports through
# vanban import). Each check talks to a real server with curl.
# Usage: tests/test_serve.sh VANBAN OUTDIR
set -u
V=$1
D=$2
rm -rf "$D" && mkdir -p "$D"
. "$(dirname "$0")/lib.sh"
needs curl
V=$(cd "$(dirname "$V")" && pwd)/$(basename "$V")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DOCS=$D/docs
mkdir -p "$DOCS"
printf 'BÍ MẬT NGOÀI THƯ MỤC\n' > "$D/secret.md"
ln -s ../secret.md "$DOCS/link.md"
ln -s /etc/passwd "$DOCS/passwd.md"
cat > "$DOCS/ke-hoach.md" <<'EOF'
---
loai: ke-hoach
co_quan_chu_quan: UBND tỉnh Bắc Giang
co_quan: Sở Giáo dục và Đào tạo
viet_tat: SGDĐT
so: 12
dia_danh: Bắc Giang
ngay: 2024-01-19
trich_yeu: Kiểm tra máy chủ
noi_nhan: [Như trên]
luu: [VT]
ky: {chuc_vu: Giám đốc, ho_ten: Nguyễn Văn A}
---

# Mục đích

Nội dung thử nghiệm máy chủ trang web.
EOF
cp "$DOCS/ke-hoach.md" "$DOCS/vo.md"

# start NAME ARGS…: starts a server, waits for its address; sets PID, URL, TOKEN.
start() {
	name=$1; shift
	PORT=$(free_port)
	"$V" serve "$@" --cong "$PORT" > "$D/$name.out" 2> "$D/$name.err" &
	PID=$!
	i=0
	while ! grep -q 'ma=' "$D/$name.out" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	TOKEN=$(grep -o 'ma=[0-9A-Za-z]*' "$D/$name.out" | head -1 | cut -d= -f2)
	URL=http://127.0.0.1:$PORT
}

# code [curl args…]: prints the HTTP status; the body goes to $D/body.
code() {
	curl -s -o "$D/body" -w '%{http_code}' --max-time 30 "$@"
}

mkdir -p "$D/tmp" "$D/bin"
# A LibreOffice that fails, for .doc and .odt imports.
printf '#!/bin/sh\nexit 1\n' > "$D/bin/soffice" && chmod +x "$D/bin/soffice"
PATH=$D/bin:$PATH TMPDIR=$D/tmp start main "$DOCS" --ket-noi 6 --thoi-gian 20
C="Cookie: vanban_ma=$TOKEN"
# other: the secret $1 with its last character changed.
other() { case $1 in *0) echo "${1%?}1" ;; *) echo "${1%?}0" ;; esac; }
t "the server starts and prints its address with an access token" \
	'[ ${#TOKEN} -eq 64 ] && grep -q "http://127.0.0.1:$PORT/?ma=" "$D/main.out"'
t "it listens on 127.0.0.1 only by default" \
	'ss -ltn 2>/dev/null | grep -q "127.0.0.1:$PORT " && ! ss -ltn | grep -q "0.0.0.0:$PORT "'

# --- the access token and the cookie ---------------------------------
t "a request without the access token is refused (401)" \
	'[ "$(code "$URL/api/danh-sach")" = 401 ]'
t "a wrong token in the cookie is refused" \
	'[ "$(code -H "Cookie: vanban_ma=$(other "$TOKEN")" "$URL/api/danh-sach")" = 401 ]'
t "a wrong token in the address gets the page asking for it, no cookie" \
	'[ "$(code -D "$D/h" "$URL/?ma=abc")" = 401 ] && ! grep -qi set-cookie "$D/h"'
code -D "$D/h" "$URL/?ma=$TOKEN" > "$D/st"
t "the right token sets an HttpOnly, SameSite=Strict cookie and sends to /" \
	'[ "$(cat "$D/st")" = 303 ] && grep -i "^set-cookie:" "$D/h" | grep -q "HttpOnly" &&
	 grep -i "^set-cookie:" "$D/h" | grep -q "SameSite=Strict" && grep -qi "^location: /" "$D/h"'
code -D "$D/h" -H "$C" "$URL/" > "$D/st"
CSRF=$(grep -o 'name="csrf" content="[0-9a-f]*"' "$D/body" | cut -d'"' -f4)
t "the page carries a CSRF token and a strict Content-Security-Policy" \
	'[ "$(cat "$D/st")" = 200 ] && [ ${#CSRF} -eq 64 ] &&
	 grep -qi "^content-security-policy: default-src .self." "$D/h" &&
	 grep -qi "^x-frame-options: DENY" "$D/h" && grep -qi "nosniff" "$D/h"'
t "the list of documents answers with the token" \
	'[ "$(code -H "$C" "$URL/api/danh-sach")" = 200 ] && grep -q "Kiểm tra máy chủ" "$D/body"'
t "the list shows no symlink" \
	'! grep -q "link.md\|passwd.md" "$D/body"'

# --- Host (DNS rebinding) ----------------------------------------------
t "a Host naming another site is refused (421), even with the token" \
	'[ "$(code -H "$C" -H "Host: evil.example:$PORT" "$URL/api/danh-sach")" = 421 ]'
t "a Host with another port is refused" \
	'[ "$(code -H "$C" -H "Host: 127.0.0.1:1" "$URL/api/danh-sach")" = 421 ]'
t "a Host without a port is refused" \
	'[ "$(code -H "$C" -H "Host: localhost" "$URL/api/danh-sach")" = 421 ]'
t "an office address in Host is refused when not listening on the network" \
	'[ "$(code -H "$C" -H "Host: 192.168.1.5:$PORT" "$URL/api/danh-sach")" = 421 ]'
t "Host localhost:PORT is accepted" \
	'[ "$(code -H "$C" -H "Host: localhost:$PORT" "$URL/api/danh-sach")" = 200 ]'

# --- CSRF and Origin ---------------------------------------------------
P="$URL/api/khoi-phuc?ten=ke-hoach.md"
t "a POST without the CSRF token is refused (403)" \
	'[ "$(code -H "$C" --data-binary x "$P")" = 403 ]'
t "a POST with a wrong CSRF token is refused" \
	'[ "$(code -H "$C" -H "X-Vanban-CSRF: $(other "$CSRF")" --data-binary x "$P")" = 403 ]'
t "a POST from another origin is refused even with the token" \
	'[ "$(code -H "$C" -H "X-Vanban-CSRF: $CSRF" -H "Origin: http://evil.example" --data-binary x "$P")" = 403 ]'
t "a GET cannot change anything (a POST route by GET is 404)" \
	'[ "$(code -H "$C" "$URL/api/luu?ten=ke-hoach.md")" = 404 ]'
t "no recovery copy was written by the refused requests" \
	'[ ! -e "$DOCS/.ke-hoach.md.khoi-phuc" ]'
H="-H X-Vanban-CSRF:$CSRF -H Origin:http://127.0.0.1:$PORT"

# --- names that are paths, symlinks, file types -----------------------
for n in '../secret.md' '%2e%2e%2fsecret.md' '/etc/passwd.md' '%2Fetc%2Fpasswd.md' \
	'..%5Csecret.md' 'sub/../ke-hoach.md' '.ke-hoach.md.khoi-phuc' 'a%00.md'; do
	t "the name '$n' is refused (400)" \
		'[ "$(code -H "$C" "$URL/api/tep?ten=$n")" = 400 ] && ! grep -q "BÍ MẬT" "$D/body"'
done
printf -- '---\nloai: ke-hoach\n---\nCh\351 \000 c\n' > "$DOCS/hong.md"
t "a file that is not UTF-8 text is not opened in the page (it would be damaged)" \
	'[ "$(code -H "$C" "$URL/api/tep?ten=hong.md")" = 422 ] && grep -q "vanban convert" "$D/body"'
t "a symlink leading out of the folder is not read" \
	'[ "$(code -H "$C" "$URL/api/tep?ten=link.md")" = 403 ] && ! grep -q "BÍ MẬT" "$D/body"'
t "a symlink to /etc/passwd is not read" \
	'[ "$(code -H "$C" "$URL/api/tep?ten=passwd.md")" = 403 ] && ! grep -q "root:" "$D/body"'
t "a save through a symlink is refused and the target is untouched" \
	'[ "$(code -H "$C" $H --data-binary "ĐÈ" "$URL/api/luu?ten=link.md&phien=x")" = 403 ] &&
	 [ "$(cat "$D/secret.md")" = "BÍ MẬT NGOÀI THƯ MỤC" ] && [ -L "$DOCS/link.md" ]'
t "an upload of another file type is refused" \
	'[ "$(code -H "$C" $H --data-binary "<script>" "$URL/api/tai-len?ten=x.html")" = 400 ] &&
	 [ ! -e "$DOCS/x.html" ]'
t "an upload named .xlsx that is not one is refused" \
	'[ "$(code -H "$C" $H --data-binary "a,b" "$URL/api/tai-len?ten=x.xlsx")" = 400 ]'
t "a .csv appendix source is accepted, then not replaced silently" \
	'[ "$(code -H "$C" $H --data-binary "TT,Việc" "$URL/api/tai-len?ten=bang.csv")" = 200 ] &&
	 [ "$(code -H "$C" $H --data-binary "x" "$URL/api/tai-len?ten=bang.csv")" = 409 ] &&
	 [ "$(cat "$DOCS/bang.csv")" = "TT,Việc" ]'

# --- sizes -------------------------------------------------------------
head -c 5000000 /dev/zero | tr '\0' a > "$D/big"
t "a document over 4 MB is refused before it is read (413)" \
	'[ "$(code -H "$C" $H --data-binary @"$D/big" "$URL/api/xem?ten=ke-hoach.md")" = 413 ]'
head -c 17000000 /dev/zero > "$D/huge"
t "an upload over 16 MB is refused (413)" \
	'[ "$(code -H "$C" $H --data-binary @"$D/huge" "$URL/api/tai-len?ten=h.csv")" = 413 ] && [ ! -e "$DOCS/h.csv" ]'
t "a chunked body past the limit is cut off and nothing is written" \
	'code -H "$C" $H -H "Transfer-Encoding: chunked" --data-binary @"$D/big" "$URL/api/luu?ten=c.md&phien=x" > /dev/null;
	 [ ! -e "$DOCS/c.md" ]'
t "the server still answers after the oversized requests" \
	'[ "$(code -H "$C" "$URL/api/danh-sach")" = 200 ]'

# --- the connection limit ---------------------------------------------
cat > "$D/conn.py" <<'EOF'
import socket, sys, time
port, limit = int(sys.argv[1]), int(sys.argv[2])
idle = []
for _ in range(limit):
    s = socket.create_connection(("127.0.0.1", port)); idle.append(s)
time.sleep(0.3)
def get():
    s = socket.create_connection(("127.0.0.1", port)); s.settimeout(5)
    s.sendall(b"GET /api/danh-sach HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
    try: return s.recv(100)
    except OSError: return b""
    finally: s.close()
over = get()
for s in idle: s.close()
time.sleep(0.5)
after = get()
print("over=%r after=%r" % (over[:12], after[:12]))
sys.exit(0 if not over.startswith(b"HTTP/1.1 ") and after.startswith(b"HTTP/1.1 401") else 1)
EOF
t "past the connection limit a connection is closed unanswered; then it serves again" \
	'python3 "$D/conn.py" "$PORT" 6 > "$D/conn.log" 2>&1'

# --- saving -----------------------------------------------------------
code -H "$C" "$URL/api/tep?ten=ke-hoach.md" > /dev/null
VER=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["phien"])' "$D/body")
sed 's/thử nghiệm/đã sửa/' "$DOCS/ke-hoach.md" > "$D/edit.md"
echo "Sửa ở nơi khác." >> "$DOCS/ke-hoach.md"
t "a save over a file changed on disk meanwhile is refused (409), the file kept" \
	'[ "$(code -H "$C" $H --data-binary @"$D/edit.md" "$URL/api/luu?ten=ke-hoach.md&phien=$VER")" = 409 ] &&
	 grep -q "Sửa ở nơi khác" "$DOCS/ke-hoach.md"'
t "a save without a version is refused" \
	'[ "$(code -H "$C" $H --data-binary @"$D/edit.md" "$URL/api/luu?ten=ke-hoach.md")" = 409 ]'
t "the recovery copy is written and offered when the file is opened" \
	'[ "$(code -H "$C" $H --data-binary @"$D/edit.md" "$URL/api/khoi-phuc?ten=ke-hoach.md")" = 200 ] &&
	 cmp -s "$D/edit.md" "$DOCS/.ke-hoach.md.khoi-phuc" &&
	 [ "$(code -H "$C" "$URL/api/tep?ten=ke-hoach.md")" = 200 ] && grep -q "\"khoi_phuc\":\"---" "$D/body"'
VER=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["phien"])' "$D/body")
t "a save over the version loaded writes the file and drops the recovery copy" \
	'[ "$(code -H "$C" $H --data-binary @"$D/edit.md" "$URL/api/luu?ten=ke-hoach.md&phien=$VER")" = 200 ] &&
	 cmp -s "$D/edit.md" "$DOCS/ke-hoach.md" && [ ! -e "$DOCS/.ke-hoach.md.khoi-phuc" ]'
t "a recovery copy of the text as saved (arriving after the save) is dropped" \
	'[ "$(code -H "$C" $H --data-binary @"$D/edit.md" "$URL/api/khoi-phuc?ten=ke-hoach.md")" = 200 ] &&
	 [ ! -e "$DOCS/.ke-hoach.md.khoi-phuc" ]'
t "no temporary file is left in the folder" \
	'[ -z "$(find "$DOCS" -name "*.tmp*" -o -name "*~")" ]'
printf 'co_quan_chu_quan: UBND tỉnh Bắc Giang\nco_quan: Sở Tư pháp\nviet_tat: STP\ndia_danh: Bắc Giang\n' > "$DOCS/co-quan.yaml"
t "a new document is vanban new's skeleton with the agency profile, never over an existing one" \
	'[ "$(code -H "$C" $H -X POST "$URL/api/moi?loai=cong-van&ten=moi.md")" = 200 ] &&
	 grep -q "^loai: cong-van" "$DOCS/moi.md" && VANBAN_DATE= "$V" new cong-van -o "$DOCS/moi-cli.md" 2> /dev/null &&
	 cmp -s "$DOCS/moi-cli.md" "$DOCS/moi.md" && rm "$DOCS/moi-cli.md" && "$V" dump "$DOCS/moi.md" 2> /dev/null | grep -q "SỞ TƯ PHÁP" &&
	 ! grep -q "Tên cơ quan" "$DOCS/moi.md" &&
	 [ "$(code -H "$C" $H -X POST "$URL/api/moi?loai=cong-van&ten=ke-hoach.md")" = 409 ] &&
	 cmp -s "$D/edit.md" "$DOCS/ke-hoach.md"'
t "a new document of a bad type is refused" \
	'[ "$(code -H "$C" $H -X POST "$URL/api/moi?loai=../x&ten=m2.md")" = 400 ] &&
	 [ "$(code -H "$C" $H -X POST "$URL/api/moi?loai=khong-co&ten=m2.md")" = 400 ] && [ ! -e "$DOCS/m2.md" ]'
t "the list shows the new document's fields without the skeleton's YAML comments" \
	'[ "$(code -H "$C" "$URL/api/danh-sach")" = 200 ] && grep -q "\"ten\":\"moi.md\",\"loai\":\"cong-van\",\"so\":\"\"" "$D/body" &&
	 ! grep -q "để trống cho đến" "$D/body"'
printf 'co_quan: [Sở\n' > "$DOCS/co-quan.yaml"
t "a broken agency profile is the profile's message, no file" \
	'[ "$(code -H "$C" $H -X POST "$URL/api/moi?loai=to-trinh&ten=m3.md")" = 422 ] && [ ! -e "$DOCS/m3.md" ]'
rm -f "$DOCS/co-quan.yaml"

# --- preview and downloads -------------------------------------------
code -H "$C" $H --data-binary @"$D/edit.md" "$URL/api/xem?ten=ke-hoach.md" > "$D/st"
cp "$D/body" "$D/preview1.json"
HASHES=$(python3 -c 'import json,sys; print(",".join(p["h"] for p in json.load(open(sys.argv[1]))["trang"]))' "$D/preview1.json")
t "the preview sends the pages as PNG images" \
	'[ "$(cat "$D/st")" = 200 ] && python3 -c "import json,sys,base64; d=json.load(open(sys.argv[1]));
assert d[\"so_trang\"]>=1 and all(base64.b64decode(p[\"png\"]).startswith(b\"\x89PNG\") for p in d[\"trang\"])" "$D/preview1.json"'
t "the pages are drawn at the scale the page asks (595 pixels wide at 1 per point), with the worker's times" \
	'[ "$(code -H "$C" $H --data-binary @"$D/edit.md" "$URL/api/xem?ten=ke-hoach.md&ty=1")" = 200 ] &&
	 python3 -c "import json,sys,base64,struct; d=json.load(open(sys.argv[1])); p=base64.b64decode(d[\"trang\"][0][\"png\"]);
assert d[\"trang\"][0][\"w\"]==595 and struct.unpack(\">II\", p[16:24])==(595,842), p[16:24]
assert all(k in d[\"ms\"] for k in (\"kiem_tra\",\"dan_trang\",\"ve\",\"png\")), d[\"ms\"]" "$D/body"'
t "pages the page already shows are not sent again" \
	'[ "$(code -H "$C" $H --data-binary @"$D/edit.md" "$URL/api/xem?ten=ke-hoach.md&co=$HASHES")" = 200 ] &&
	 python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert all(p[\"png\"] is None for p in d[\"trang\"])" "$D/body"'
sed 's/^ngay:.*/ngay: 2024-13-45/' "$D/edit.md" > "$D/bad.md"
t "check's messages come with the preview, with their line" \
	'[ "$(code -H "$C" $H --data-binary @"$D/bad.md" "$URL/api/xem?ten=ke-hoach.md")" = 200 ] &&
	 python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert any(m[\"dong\"]==8 and m[\"cot\"]==7 and m[\"muc\"]==\"loi\" and \"2024-13-45\" in m[\"thong_bao\"] for m in d[\"loi\"]), d[\"loi\"]" "$D/body"'
t "the DOCX download is a valid package with the saved text" \
	'[ "$(code -H "$C" -D "$D/h" "$URL/api/tai?ten=ke-hoach.md&dang=docx")" = 200 ] && cp "$D/body" "$D/out.docx" &&
	 grep -qi "filename\*=UTF-8..ke-hoach.docx" "$D/h" && unzip -p "$D/out.docx" word/document.xml | grep -q "đã sửa" &&
	 { [ ! -x "${VALIDATE_DOCX:-}" ] || "$VALIDATE_DOCX" "$D/out.docx" > "$D/validate.log" 2>&1; }'
t "the PDF download has the saved text" \
	'[ "$(code -H "$C" "$URL/api/tai?ten=ke-hoach.md&dang=pdf")" = 200 ] && cp "$D/body" "$D/out.pdf" &&
	 pdftotext "$D/out.pdf" - | grep -q "đã sửa"'

# --- importing last year's document -----------------------------------
# The DOCX: a real plan rendered by vanban. Uploads are staged in TMPDIR
# (the server's, set at start), never in the folder.
"$V" render "$ROOT/content/ke-hoach-hai-phong-2024.md" -o "$D/hp.docx" 2> "$D/hp.err"
I="$URL/api/nhap-docx"
ls -A "$DOCS" > "$D/ls0"
t "an import without the access token is refused (401), nothing written" \
	'[ "$(code $H --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=nhap.md")" = 401 ] && [ ! -e "$DOCS/nhap.md" ]'
t "an import without the CSRF token is refused (403), nothing written" \
	'[ "$(code -H "$C" --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=nhap.md")" = 403 ] && [ ! -e "$DOCS/nhap.md" ]'
t "an import from another origin is refused (403)" \
	'[ "$(code -H "$C" -H "X-Vanban-CSRF: $CSRF" -H "Origin: http://evil.example" --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=nhap.md")" = 403 ] && [ ! -e "$DOCS/nhap.md" ]'
t "an import to a name that is a path, or of another file type, is refused (400)" \
	'[ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=../nhap.md")" = 400 ] &&
	 [ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=nhap.docx")" = 400 ] &&
	 [ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=hp.exe&ten=nhap.md")" = 400 ] &&
	 [ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=..%2F..%2Fx.docx&ten=nhap.md")" = 400 ] &&
	 [ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=%2Ftmp%2Fnhap.md")" = 400 ] &&
	 [ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=nhap.md&nam=20x5")" = 400 ]'
t "the refused imports wrote nothing" '[ "$(ls -A "$DOCS")" = "$(cat "$D/ls0")" ]'
t "a DOCX rendered by vanban is imported as a new document with its appendix" \
	'[ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=nhap.md")" = 200 ] &&
	 grep -q "\"ten\":\"nhap.md\"" "$D/body" && grep -q "^loai: \"\?ke-hoach" "$DOCS/nhap.md" &&
	 grep -q "UBND thành phố Hải Phòng" "$DOCS/nhap.md" && grep -q "dịch vụ công trực tuyến năm 2024" "$DOCS/nhap.md" &&
	 [ -f "$DOCS/nhap-phu-luc.md" ]'
t "the import tells what it recognised, without the temporary path" \
	'grep -q "đã nhận ra" "$D/body" && ! grep -q "vanban-nhap-" "$D/body"'
t "the imported document opens in the editor and checks without errors" \
	'[ "$(code -H "$C" "$URL/api/tep?ten=nhap.md")" = 200 ] && "$V" check "$DOCS/nhap.md" > "$D/nhap.check" 2>&1'
cp "$DOCS/nhap.md" "$D/nhap.before"
t "an import to an existing name is refused (409) and the file is unchanged" \
	'[ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=nhap.md")" = 409 ] &&
	 grep -q "Đã có tệp tên này" "$D/body" && cmp -s "$D/nhap.before" "$DOCS/nhap.md"'
t "the importer's own refusal shows too: an appendix name that exists" \
	': > "$DOCS/hp2-phu-luc.md"; [ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=hp2.md")" = 422 ] &&
	 grep -q "không bao giờ ghi đè" "$D/body" && [ ! -e "$DOCS/hp2.md" ] && [ ! -s "$DOCS/hp2-phu-luc.md" ]'
t "--nam from the dialog makes this year's draft" \
	'[ "$(code -H "$C" $H --data-binary @"$D/hp.docx" "$I?tep=hp.docx&ten=nhap-2025.md&nam=2025")" = 200 ] &&
	 grep -q "^trich_yeu:.*trực tuyến năm 2025" "$DOCS/nhap-2025.md" && grep -q "2025" "$D/body"'
printf 'PK\003\004 không phải tệp Word' > "$D/hu.docx"
ls -A "$DOCS" > "$D/ls1"
t "an upload to import over the upload limit is refused (413), nothing written" \
	'[ "$(code -H "$C" $H --data-binary @"$D/huge" "$I?tep=h.docx&ten=h.md")" = 413 ] && [ ! -e "$DOCS/h.md" ] &&
	 [ -z "$(ls -A "$D/tmp")" ]'
t "a broken DOCX gives the importer's Vietnamese error (422) and writes nothing" \
	'[ "$(code -H "$C" $H --data-binary @"$D/hu.docx" "$I?tep=hu.docx&ten=hu.md")" = 422 ] &&
	 grep -q "lỗi" "$D/body" && grep -q "hu.docx" "$D/body" && ! grep -q "vanban-nhap-" "$D/body" &&
	 [ "$(ls -A "$DOCS")" = "$(cat "$D/ls1")" ]'
t "an empty upload is an error too, nothing written" \
	'[ "$(code -H "$C" $H --data-binary "" "$I?tep=rong.docx&ten=rong.md")" = 422 ] && [ ! -e "$DOCS/rong.md" ]'
printf '\320\317\021\340\241\261\032\341 cu' > "$D/cu.doc"
t "a .doc LibreOffice cannot convert gives the importer's message, nothing written" \
	'[ "$(code -H "$C" $H --data-binary @"$D/cu.doc" "$I?tep=cu.DOC&ten=cu-doc.md")" = 422 ] &&
	 grep -q "LibreOffice" "$D/body" && [ ! -e "$DOCS/cu-doc.md" ]'
printf 'UBND TỈNH BẮC GIANG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nKẾ HOẠCH\nThử nhập tệp văn bản thuần\n\n1. Mục đích\nNội dung.\n' > "$D/cu.txt"
t "a .txt is imported too" \
	'[ "$(code -H "$C" $H --data-binary @"$D/cu.txt" "$I?tep=cu.txt&ten=cu.md")" = 200 ] && grep -q "Nội dung." "$DOCS/cu.md"'
t "no upload is left in the temporary folder" '[ -z "$(ls -A "$D/tmp")" ]'
kill "$PID"; wait "$PID" 2>/dev/null
t "the server stops on SIGTERM, leak-free (sanitizer build)" \
	'! grep -q "Sanitizer" "$D/main.err"'

# --- a render that crashes or runs too long ---------------------------
cat > "$D/crash.c" <<'EOF'
/* A PDF plugin that crashes on documents named vo*.md, as a library that
 * aborts on a hostile document would, and never ends on treo*.md. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pdf/pdf.h"
static void maybe(const vb_document *d)
{ if (strstr(d->path, "/vo")) abort(); while (strstr(d->path, "/treo")) pause(); }
int vb_pdf_render(const vb_document *d, const vb_pdf_options *o, vb_buf *b, vb_diags *g)
{ (void)o; (void)b; (void)g; maybe(d); return -1; }
int vb_pdf_render_pages(const vb_document *d, const vb_pdf_options *o,
    const vb_pdf_raster *r, vb_diags *g)
{ (void)o; (void)r; (void)g; maybe(d); return 0; }
EOF
cc -shared -fPIC -I"$ROOT/src" $(pkg-config --cflags libxml-2.0 2>/dev/null) -o "$D/crash.so" "$D/crash.c" 2> "$D/crash.cc.log"
VANBAN_PDF_PLUGIN=$D/crash.so start crash "$DOCS" --thoi-gian 2
C="Cookie: vanban_ma=$TOKEN"
code -H "$C" "$URL/" > /dev/null
CSRF=$(grep -o 'name="csrf" content="[0-9a-f]*"' "$D/body" | cut -d'"' -f4)
H="-H X-Vanban-CSRF:$CSRF"
t "a preview whose renderer crashes is an error message (500)" \
	'[ "$(code -H "$C" $H --data-binary @"$DOCS/vo.md" "$URL/api/xem?ten=vo.md")" = 500 ] && grep -q "dừng đột ngột" "$D/body"'
t "a PDF whose renderer crashes is an error message" \
	'[ "$(code -H "$C" "$URL/api/tai?ten=vo.md&dang=pdf")" = 500 ]'
t "the server goes on after the crashes" \
	'[ "$(code -H "$C" "$URL/api/danh-sach")" = 200 ] && kill -0 "$PID"'
t "the crashed render worker is replaced: the next preview works" \
	'[ "$(code -H "$C" $H --data-binary @"$DOCS/ke-hoach.md" "$URL/api/xem?ten=ke-hoach.md")" = 200 ] && grep -q "\"so_trang\":0" "$D/body"'
t "a render past the time limit is stopped with a message" \
	'[ "$(code -H "$C" $H --data-binary @"$DOCS/vo.md" "$URL/api/xem?ten=treo.md")" = 500 ] && grep -q "quá 2 giây" "$D/body"'
t "the server goes on after the stopped render" \
	'[ "$(code -H "$C" "$URL/api/danh-sach")" = 200 ]'
kill "$PID"; wait "$PID" 2>/dev/null

# --- a server killed outright leaves no worker behind -----------------
start killed "$DOCS"
t "the server runs its render workers" '[ -n "$(pgrep -P "$PID")" ]'
W=$(pgrep -P "$PID" | tr '\n' ' ')
kill -9 "$PID"; wait "$PID" 2>/dev/null
i=0
while [ $i -lt 50 ] && for w in $W; do kill -0 "$w" 2>/dev/null && break; done; do
	sleep 0.1; i=$((i + 1))
done
t "killed outright, the server's workers end too" \
	'( for w in $W; do kill -0 "$w" 2>/dev/null && exit 1; done; exit 0 )'

# --- the office network: --mang with a token from a file ---------------
echo "abcdefghij0123456789" > "$D/token"
start net "$DOCS" --mang --ma-tep "$D/token" --ten-may may-van-thu
C="Cookie: vanban_ma=abcdefghij0123456789"
t "--mang listens on every address with the token from the file" \
	'[ "$TOKEN" = abcdefghij0123456789 ] && ss -ltn | grep -q "0.0.0.0:$PORT "'
t "--mang: an address or the machine's names are accepted in Host" \
	'[ "$(code -H "$C" -H "Host: 10.1.2.3:$PORT" "$URL/api/danh-sach")" = 200 ] &&
	 [ "$(code -H "$C" -H "Host: may-van-thu:$PORT" "$URL/api/danh-sach")" = 200 ]'
t "--mang: another site's name is still refused" \
	'[ "$(code -H "$C" -H "Host: may-van-thu.evil.example:$PORT" "$URL/api/danh-sach")" = 421 ]'
t "--mang: still no request without the token" \
	'[ "$(code -H "Host: 10.1.2.3:$PORT" "$URL/api/danh-sach")" = 401 ]'
kill "$PID"; wait "$PID" 2>/dev/null
echo "short" > "$D/badtoken"
t "a token file with a too short token is refused at start" \
	'! "$V" serve "$DOCS" --ma-tep "$D/badtoken" --cong "$(free_port)" > /dev/null 2> "$D/bad.err" && grep -q "mã truy cập" "$D/bad.err"'
t "vanban serve --help explains it in Vietnamese" \
	'"$V" serve --help | grep -q "Cách dùng: vanban serve" && "$V" --help | grep -q "vanban serve"'
t "an unknown option is a usage error" \
	'"$V" serve --khong-co > /dev/null 2>&1; [ $? -eq 2 ]'
exit $((fails > 0))
