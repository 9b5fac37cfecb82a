"""Signs a person in through the gateway as a browser does, then times whole pages and API calls (bench/web/dashboard.sh).

    python3 measure.py --gateway http://127.0.0.1:8150 --email E --password-file F --token-file T \
        --target page=/samordnare/samverkan/ID --target home=/ --api summary=/api/reports/... --requests 30 --out raw.tsv

Sign-in: GET /logga-in?returnUrl=/ → the web's challenge → /connect/authorize → the identity service's login page; the
form is posted with its hidden fields (html.unescape'd, as a browser decodes attribute values) → /connect/authorize
again → /signin-oidc on the web, which exchanges the code and sets its cookie. Redirects are followed by hand, on the
gateway's address only, and the last one (back to returnUrl) is not: so that no page of the web has been rendered before
the first measured request. A request's time is from sending it until the whole body is read (HTTP/1.1 keep-alive,
one connection per target, as a browser keeps one; the first request of each target opens it).

Every request of the run is one line of --out: round (0 = the first after start), target, kind, status, bytes, ms.
Round 0 takes the targets in the order given (pages first, then the APIs); rounds 1..N take them in turn, so noise from
the other work on the machine falls on all of them alike.
"""
import argparse
import html
import http.client
import http.cookiejar
import re
import sys
import time
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def sign_in(gateway, email, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    origin = urllib.parse.urlsplit(gateway)

    def send(url, data=None):
        req = urllib.request.Request(url, data=data)
        try:
            with opener.open(req, timeout=60) as r:
                return r.status, r.headers, r.read().decode("utf-8", "replace"), r.url
        except urllib.error.HTTPError as e:  # 3xx and errors arrive here once redirects are not followed
            return e.code, e.headers, e.read().decode("utf-8", "replace"), url

    def follow(status, headers, body, url, stop_after=None):
        hops = 0
        while status in (301, 302, 303, 307, 308):
            target = urllib.parse.urljoin(url, headers["Location"])
            parts = urllib.parse.urlsplit(target)
            if parts.netloc != origin.netloc:
                sys.exit(f"sign-in: redirected away from the gateway, to {target}")
            if stop_after and urllib.parse.urlsplit(url).path == stop_after:
                return status, headers, body, url, target  # the web set its cookie; do not render the returnUrl
            status, headers, body, url = send(target)
            hops += 1
            if hops > 10:
                sys.exit("sign-in: more than 10 redirects")
        return status, headers, body, url, None

    t0 = time.perf_counter()
    status, headers, body, url, _ = follow(*send(gateway + "/logga-in?returnUrl=%2F"))
    if status != 200 or "<form" not in body:
        sys.exit(f"sign-in: expected the login page, got HTTP {status} at {url}:\n{body[:500]}")
    form = re.search(r'<form[^>]*action="([^"]*)"[^>]*>(.*?)</form>', body, re.S)
    fields = {html.unescape(n): html.unescape(v) for n, v in
              re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', form.group(2))}
    fields.update(email=email, password=password)
    action = urllib.parse.urljoin(url, html.unescape(form.group(1)))
    status, headers, body, url, back_to = follow(
        *send(action, urllib.parse.urlencode(fields).encode()), stop_after="/signin-oidc")
    elapsed = time.perf_counter() - t0
    if back_to is None or urllib.parse.urlsplit(back_to).path != "/":
        sys.exit(f"sign-in failed: HTTP {status} at {url}:\n{body[:800]}")
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar if c.name.startswith("samverkan"))
    if not cookies:
        sys.exit("sign-in: the web set no cookie")
    return cookies, elapsed


class Target:
    def __init__(self, name, kind, path, headers, host, port):
        self.name, self.kind, self.path, self.headers = name, kind, path, headers
        self.host, self.port, self.conn = host, port, None

    def get(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        t0 = time.perf_counter()
        self.conn.request("GET", self.path, headers=self.headers)
        r = self.conn.getresponse()
        body = r.read()
        ms = (time.perf_counter() - t0) * 1000
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return r.status, body, ms, r.getheader("Location")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gateway", required=True)
    ap.add_argument("--email", required=True)
    ap.add_argument("--password-file", required=True)
    ap.add_argument("--token-file", required=True, help="a bearer token of the same role and agency, for the API calls")
    ap.add_argument("--target", action="append", default=[], help="NAME=PATH of a page, fetched with the signed-in cookie")
    ap.add_argument("--api", action="append", default=[], help="NAME=PATH of an API call, fetched with the bearer token")
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    gw = urllib.parse.urlsplit(a.gateway)
    password = open(a.password_file).read().strip()
    cookies, signin_s = sign_in(a.gateway, a.email, password)
    print(f"signed in through the gateway in {signin_s * 1000:.0f} ms", file=sys.stderr)
    token = open(a.token_file).read().strip()
    targets = [Target(n, "page", p, {"Cookie": cookies, "Accept": "text/html"}, gw.hostname, gw.port)
               for n, p in (t.split("=", 1) for t in a.target)]
    targets += [Target(n, "api", p, {"Authorization": "Bearer " + token, "Accept": "application/json"}, gw.hostname, gw.port)
                for n, p in (t.split("=", 1) for t in a.api)]

    with open(a.out, "w") as out:
        out.write("round\ttarget\tkind\tstatus\tbytes\tms\n")
        for rnd in range(a.requests + 1):
            for t in targets:
                status, body, ms, location = t.get()
                out.write(f"{rnd}\t{t.name}\t{t.kind}\t{status}\t{len(body)}\t{ms:.2f}\n")
                if status != 200:
                    sys.exit(f"{t.name} {t.path} answered HTTP {status}" + (f" → {location}" if location else "")
                             + f":\n{body[:500].decode('utf-8', 'replace')}")
                if rnd == 0:
                    print(f"first {t.name}: {ms:.1f} ms, {len(body)} bytes", file=sys.stderr)
                    if t.kind == "page":
                        with open(f"{a.out}.{t.name}.html", "wb") as f:  # what the person was shown first, for checks
                            f.write(body)
                        text = body.decode("utf-8", "replace")
                        title = re.search(r"<title>(.*?)</title>", text, re.S)
                        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
                        if 'action="/account/login"' in text:
                            sys.exit(f"{t.name}: got the login page, not signed in")
                        print(f"  {t.name}: title {title.group(1).strip() if title else '-'!r}, "
                              f"h1 {re.sub('<[^>]+>', '', h1.group(1)).strip() if h1 else '-'!r}", file=sys.stderr)
    print(f"{signin_s * 1000:.0f}")


if __name__ == "__main__":
    main()
