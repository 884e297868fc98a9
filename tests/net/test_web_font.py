"""Issue 17.9: the browser page loads no font from the internet (textual-serve's page fetches
Google Fonts): every URL it names is this host's, and any font it loads is served by the host."""

import re
from pathlib import Path

from tests.net.helpers import Api, hosted, tutorial_session


def test_the_browser_page_loads_its_font_from_the_host_only(tmp_path: Path) -> None:
    with hosted(tutorial_session(None), web=True) as (host, _):
        api = Api(host.port)
        page = api.send("GET", "/web/", headers={"Host": "192.168.1.20:8470"}).data
        assert "googleapis" not in page and "gstatic" not in page
        outside = [url for url in re.findall(r"""(?:href|src|url)\(?=?["']?(https?://[^"')\s]+)""", page)
                   if not url.startswith("http://192.168.1.20:8470/")]
        assert outside == [], "every URL of the page is this host's"
        for font in re.findall(r"""url\(["']?([^"')]+\.(?:ttf|woff2?))""", page):
            assert font.startswith("http://192.168.1.20:8470/"), font
            assert api.send("GET", font.removeprefix("http://192.168.1.20:8470")).status == 200, font
