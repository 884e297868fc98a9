"""Issue 17.9: the browser page loads no font from the internet (textual-serve's page fetches
Google Fonts): it loads the Roboto Mono that textual-serve ships, from this host."""

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
        font = "http://192.168.1.20:8470/web/static/fonts/RobotoMono-VariableFont_wght.ttf"
        assert 'font-family:"Roboto Mono"' in page and font in page
        served = api.send("GET", "/web/static/fonts/RobotoMono-VariableFont_wght.ttf")
        assert served.status == 200
