"""``contentlint serve``'s HTTP API against a real server on 127.0.0.1: every endpoint,
the error bodies, the host, origin and size checks, the config it finds, concurrent
requests and a document past the time limit.

One server for the module (starting one loads spaCy in each worker).
"""

from __future__ import annotations

import base64
import json
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from serve_server import running_server

DATA = Path(__file__).parent / "data" / "serve"
DRAFT = (DATA / "heat-pumps.md").read_text(encoding="utf-8")
SCHEMA_PATH = Path(__file__).parents[1] / "linter" / "serve" / "openapi.json"
# The config the server finds in its working directory, as check would: HY006 (double
# spaces) off, and the passive-voice rule raised to a warning.
CONFIG = 'ignore = ["HY006"]\n\n[severity]\nRD004 = "warning"\n'


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("served")
    (folder / ".contentlint.toml").write_text(CONFIG, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def url(workdir: Path):
    with running_server(workdir, "--workers", "2", "--timeout", "8") as address:
        yield address


@pytest.fixture(scope="module")
def client(url: str):
    with httpx.Client(base_url=url, timeout=120) as session:
        yield session


def check_json(workdir: Path, name: str, text: str) -> dict:
    """What ``contentlint check --format json`` says of ``text`` saved as ``name``."""
    (workdir / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", name, "--format", "json"],
        cwd=workdir,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"},
    )
    return json.loads(done.stdout)


def error_of(response: httpx.Response) -> tuple[int, str]:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return response.status_code, body["error"]["code"]


def test_healthz_says_the_workers_are_up(client: httpx.Client) -> None:
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok" and answer.json()["workers"] == 2


def test_check_returns_the_report_check_writes(client: httpx.Client, workdir: Path) -> None:
    answer = client.post("/v1/check", json={"text": DRAFT, "filename": "heat-pumps.md"})
    assert answer.status_code == 200
    assert answer.json() == check_json(workdir, "heat-pumps.md", DRAFT)
    codes = [f["code"] for f in answer.json()["findings"]]
    assert codes.count("BP001") == 3 and "FQ001" in codes and "HY001" in codes


def test_a_raw_body_with_its_name_in_the_query_is_the_same_document(
    client: httpx.Client,
) -> None:
    by_json = client.post("/v1/check", json={"text": DRAFT, "filename": "heat-pumps.md"})
    raw = client.post("/v1/check?filename=heat-pumps.md", content=DRAFT.encode())
    encoded = base64.b64encode(DRAFT.encode()).decode()
    by_base64 = client.post(
        "/v1/check", json={"content_base64": encoded, "filename": "heat-pumps.md"}
    )
    assert raw.json() == by_json.json() == by_base64.json()


def test_the_config_the_server_found_applies(client: httpx.Client) -> None:
    spaced = "Wind farms  need open land.\n\nThey also need steady wind all year round.\n"
    codes = {f["code"] for f in client.post("/v1/check", json={"text": spaced}).json()["findings"]}
    assert "HY006" not in codes  # ignored by the server's .contentlint.toml
    rules = {r["code"]: r for r in client.get("/v1/rules").json()["rules"]}
    assert rules["HY006"]["enabled"] is False and rules["HY001"]["enabled"] is True
    assert rules["RD004"]["severity"] == "warning"


def test_request_options_select_rules_and_set_the_keyphrase(client: httpx.Client) -> None:
    only = client.post("/v1/check", json={"text": DRAFT, "filename": "a.md", "select": ["BP"]})
    assert {f["code"] for f in only.json()["findings"]} == {"BP001"}
    query = client.post("/v1/check?filename=a.md&select=HY001,FQ001", content=DRAFT.encode())
    assert {f["code"] for f in query.json()["findings"]} == {"HY001", "FQ001"}


def test_review_places_each_finding_on_its_words(client: httpx.Client) -> None:
    review = client.post("/v1/review", json={"text": DRAFT, "filename": "heat-pumps.md"}).json()
    blocks = review["document"]["blocks"]
    assert blocks[0]["kind"] == "heading" and blocks[0]["level"] == 1
    assert blocks[0]["text"] == "Heat Pumps vs Gas Boilers"
    placed = {}
    for finding in review["findings"]:
        if finding["block"] is not None:
            text = blocks[finding["block"]]["text"][finding["start"] : finding["end"]]
            placed.setdefault(finding["code"], []).append(text)
    assert placed["BP001"] == ["Heat Pumps vs Gas Boilers"] * 3
    assert placed["HY001"] == ["The the"]
    assert placed["FQ001"] == ["How long does a boiler last?"]
    thin = next(f for f in review["findings"] if f["code"] == "SEO018")
    assert thin["block"] is None  # about the whole document
    hy001 = next(f for f in review["findings"] if f["code"] == "HY001")
    assert hy001["safe_fix"] is True and review["fixable"] == 1
    questions = {q["text"]: q["answered"] for q in review["faq"]["questions"]}
    assert questions == {
        "Does a heat pump work in a cold winter?": True,
        "How long does a boiler last?": False,
    }
    assert review["scores"]["sentences"] > 5 and review["report"]["summary"]["errors"] == 4


def test_fix_applies_the_chosen_fix_and_reviews_the_result(client: httpx.Client) -> None:
    review = client.post("/v1/review", json={"text": DRAFT, "filename": "heat-pumps.md"}).json()
    ident = next(f["id"] for f in review["findings"] if f["code"] == "HY001")
    fixed = client.post(
        "/v1/fix", json={"text": DRAFT, "filename": "heat-pumps.md", "ids": [ident]}
    ).json()
    assert fixed["applied"] == 1 and fixed["filename"] == "heat-pumps.md"
    assert "The upfront price is lower" in fixed["text"] and "The the" not in fixed["text"]
    assert fixed["text"] == DRAFT.replace("The the upfront", "The upfront")
    assert "HY001" not in {f["code"] for f in fixed["review"]["findings"]}
    stale = client.post("/v1/fix", json={"text": DRAFT, "ids": ["0" * 32]}).json()
    assert stale["applied"] == 0 and "not in this text" in stale["notes"][0]


def test_explain_a_rule_by_code_or_name(client: httpx.Client) -> None:
    by_code = client.get("/v1/rules/HY001").json()
    by_name = client.get("/v1/rules/hygiene.doubled-word").json()
    assert by_code == by_name
    assert by_code["fix"] == "safe" and by_code["description"].strip()
    assert any("fail" in example for example in by_code["examples"])
    assert error_of(client.get("/v1/rules/XX999")) == (404, "unknown_rule")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            (400, "bad_json"),
        ),
        ({"json": ["a list"]}, (400, "bad_json")),
        ({"json": {"text": "x", "colour": "red"}}, (400, "bad_request")),
        ({"json": {"text": "x", "content_base64": "eA=="}}, (400, "bad_request")),
        ({"json": {"text": 12}}, (400, "bad_request")),
        ({"json": {"content_base64": "@@@"}}, (400, "bad_request")),
        ({"json": {"text": "x", "select": ["NOPE9"]}}, (400, "unknown_rule")),
        ({"json": {"text": "x", "format": "pdf"}}, (415, "unsupported_format")),
        ({"json": {"text": "x", "filename": "report.pdf"}}, (415, "unsupported_format")),
        ({"files": {"file": ("a.md", b"# A")}}, (415, "unsupported_media_type")),
        (
            {"content": b"\x00\x01\x02\x03 binary", "params": {"filename": "a.txt"}},
            (422, "unreadable"),
        ),
    ],
)
def test_a_bad_request_gets_a_json_error_naming_the_problem(
    client: httpx.Client, kwargs: dict, expected: tuple[int, str]
) -> None:
    assert error_of(client.post("/v1/check", **kwargs)) == expected


def test_unknown_paths_and_methods_are_json_errors(client: httpx.Client) -> None:
    assert error_of(client.get("/v1/nothing")) == (404, "not_found")
    assert error_of(client.get("/v1/check")) == (405, "method_not_allowed")
    assert error_of(client.get("/static/../../pyproject.toml")) == (404, "not_found")


def raw_exchange(url: str, request: bytes) -> bytes:
    """Send ``request`` as it is (httpx will not send a length it does not keep) and read
    the answer until the server closes or has sent its body."""
    address = httpx.URL(url)
    with socket.create_connection((address.host, address.port), timeout=60) as sock:
        sock.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    return answer


def test_a_body_over_the_limit_is_refused(client: httpx.Client, url: str) -> None:
    limit = 50 * 1024 * 1024
    port = httpx.URL(url).port
    declared = raw_exchange(
        url,
        f"POST /v1/check?filename=a.txt HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Length: {limit + 1}\r\n\r\n".encode(),
    )
    assert declared.startswith(b"HTTP/1.1 413 ")
    assert b'"code": "too_large"' in declared  # before a byte of the body was sent

    def chunks():  # no Content-Length: the server counts as it reads
        for _ in range(51):
            yield b"a" * (1024 * 1024)

    assert error_of(client.post("/v1/check?filename=a.txt", content=chunks())) == (413, "too_large")


def test_other_hosts_and_origins_are_refused(client: httpx.Client, url: str) -> None:
    port = httpx.URL(url).port
    rebinding = client.get("/v1/rules", headers={"host": f"attacker.example:{port}"})
    assert error_of(rebinding) == (421, "bad_host")
    cross = client.post(
        "/v1/check", json={"text": "x"}, headers={"origin": "https://attacker.example"}
    )
    assert error_of(cross) == (403, "cross_origin")
    marked = client.post("/v1/check", json={"text": "x"}, headers={"sec-fetch-site": "cross-site"})
    assert error_of(marked) == (403, "cross_origin")
    same = client.post(
        "/v1/check", json={"text": "Fine text."}, headers={"origin": f"http://127.0.0.1:{port}"}
    )
    assert same.status_code == 200
    assert "access-control-allow-origin" not in same.headers


def test_every_answer_carries_the_security_headers(client: httpx.Client) -> None:
    for answer in (client.get("/"), client.get("/healthz"), client.get("/v1/rules/XX1")):
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"


def test_the_openapi_document_describes_every_route_and_real_answers(
    client: httpx.Client,
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    served = client.get("/openapi.json").json()
    assert served["openapi"].startswith("3.1")
    assert set(served["paths"]) == {
        "/v1/check", "/v1/review", "/v1/fix", "/v1/rules", "/v1/rules/{code}",
        "/healthz", "/openapi.json",
    }  # fmt: skip
    components = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["components"]

    def valid(instance: object, name: str) -> None:
        schema = {"$ref": f"#/components/schemas/{name}", "components": components}
        jsonschema.validate(instance, schema)

    valid(client.post("/v1/check", json={"text": DRAFT}).json(), "Report")
    review = client.post("/v1/review", json={"text": DRAFT, "filename": "a.md"}).json()
    valid(review, "Review")
    valid(client.post("/v1/fix", json={"text": DRAFT, "filename": "a.md"}).json(), "FixResult")
    valid(client.get("/v1/rules/BP001").json(), "Rule")
    valid(client.get("/healthz").json(), "Health")
    valid(client.get("/v1/rules/XX1").json(), "Error")


# Documents of every format, each different, for the concurrent requests.
MIXED = [
    ("a.md", DRAFT),
    ("b.html", "<html lang='en'><head><title>Wind power at home</title></head><body><h1>Wind"
     " power at home</h1><p>A small turbine needs steady wind and a tall mast.</p>"
     "<p>It is is rarely worth it in a town.</p></body></html>"),
    ("c.txt", "Garden ponds\n\nA pond brings frogs, dragonflies and birds to a garden.\n\n"
     "Keep one side shallow so that animals can climb out.\n"),
    ("d.md", "# Compost\n\nGreen and brown waste rot down into soil within a year.\n\n"
     "Turn the heap every few weeks weeks so air reaches the middle.\n"),
]  # fmt: skip


def test_twenty_concurrent_requests_are_each_answered_correctly(
    client: httpx.Client, url: str
) -> None:
    expected = {
        name: client.post("/v1/check", json={"text": text, "filename": name}).json()
        for name, text in MIXED
    }
    answers: dict[int, tuple[str, int, dict]] = {}

    def ask(number: int) -> None:
        name, text = MIXED[number % len(MIXED)]
        with httpx.Client(base_url=url, timeout=300) as own:
            answer = own.post("/v1/check", json={"text": text, "filename": name})
        answers[number] = (name, answer.status_code, answer.json())

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 20
    for name, status, body in answers.values():
        assert status == 200
        assert body == expected[name]


def test_a_document_past_the_time_limit_is_stopped_and_others_go_on(
    client: httpx.Client, url: str
) -> None:
    # About 5 MB of prose: minutes of work, far past the server's 8-second limit.
    sentence = "Wind turbines need open land and a steady breeze all through the year. "
    slow = "# Long\n\n" + "\n\n".join(sentence * 6 for _ in range(12_000))
    outcome: dict[str, httpx.Response] = {}

    def ask_slow() -> None:
        with httpx.Client(base_url=url, timeout=300) as own:
            outcome["slow"] = own.post("/v1/check", json={"text": slow, "filename": "slow.md"})

    thread = threading.Thread(target=ask_slow)
    thread.start()
    quick = client.post("/v1/check", json={"text": MIXED[2][1], "filename": "c.txt"})
    assert quick.status_code == 200  # the other worker answers while the slow one runs
    thread.join()
    assert error_of(outcome["slow"]) == (504, "timeout")
    again = client.post("/v1/check", json={"text": MIXED[3][1], "filename": "d.md"})
    assert again.status_code == 200
    assert client.get("/healthz").json()["workers"] == 2  # the stopped worker was replaced


def word_draft(path: Path) -> bytes:
    """A small Word draft: a heading, an empty paragraph, a doubled word in paragraph 4."""
    import docx

    document = docx.Document()
    document.add_heading("Rain gardens", level=1)
    document.add_paragraph("")
    document.add_paragraph("A rain garden is a shallow bed that soaks up water from a roof.")
    document.add_paragraph("Plant it with grasses that cope with both flood and and drought.")
    document.save(path)
    return path.read_bytes()


def test_a_word_file_is_reviewed_with_paragraph_places(
    client: httpx.Client, tmp_path: Path
) -> None:
    data = word_draft(tmp_path / "rain.docx")
    review = client.post("/v1/review?filename=rain.docx", content=data).json()
    assert review["document"]["format"] == "docx"
    doubled = next(f for f in review["findings"] if f["code"] == "HY001")
    assert (doubled["line"], doubled["column"]) == (4, 49)  # ¶4, the 49th character
    block = review["document"]["blocks"][doubled["block"]]
    assert block["line"] == 4 and block["text"][doubled["start"] : doubled["end"]] == "and and"
    assert doubled["safe_fix"] is False  # Word files are not rewritten
    encoded = base64.b64encode(data).decode()
    by_json = client.post("/v1/check", json={"content_base64": encoded, "filename": "rain.docx"})
    assert by_json.json() == client.post("/v1/check?filename=rain.docx", content=data).json()
    refused = client.post("/v1/fix?filename=rain.docx", content=data)
    assert error_of(refused) == (422, "not_fixable")
    assert "apply the suggested fixes in Word" in refused.json()["error"]["message"]
    broken = client.post("/v1/check?filename=rain.docx", content=data[:300])
    assert error_of(broken) == (422, "unreadable")
    assert broken.json()["error"]["message"].startswith("rain.docx: ")


def test_a_finding_on_an_element_lands_on_its_text(client: httpx.Client) -> None:
    page = (
        "<html lang='en'><head><title>Choosing a rain barrel for a small garden</title>"
        "</head><body><article><h1>Choosing a rain barrel</h1><p>A barrel under the"
        " downpipe fills in one storm. <a href='/barrels'>Click here</a> for sizes.</p>"
        "</article></body></html>"
    )
    review = client.post("/v1/review", json={"text": page, "filename": "barrel.html"}).json()
    vague = next(f for f in review["findings"] if f["code"] == "SEO016")
    assert vague["excerpt"].startswith("<a href=")  # the report points at the element
    block = review["document"]["blocks"][vague["block"]]
    assert block["text"][vague["start"] : vague["end"]] == "Click here"  # the app, its words
