"""Fixtures for the Python module's tests: a handful of articles written for these tests, the CLI binary
(to check that the module answers as the command does) and the seeds of ../shared (when present)."""

import json
import os
import pathlib
import subprocess

import pytest

import storyline

HARBOUR = (
    "Firefighters in Lisbon fought a large blaze at the city's harbour on Monday night, after a fuel tank "
    "exploded near the container terminal. Mayor Carlos Moedas said no one had been killed, but twelve "
    "dock workers were taken to hospital with burns. The Port of Lisbon closed the terminal until further "
    "notice while investigators from the Portuguese civil protection agency examine the tank."
)
HARBOUR_FOLLOW_UP = (
    "The fire at the Lisbon harbour was put out on Tuesday morning, the Portuguese civil protection agency "
    "said. Mayor Carlos Moedas visited the twelve injured dock workers in hospital and promised an inquiry "
    "into the fuel tank explosion. The Port of Lisbon said the container terminal would reopen next week."
)
CHESS = (
    "Magnus Carlsen won the rapid chess tournament in Oslo on Sunday, beating Hikaru Nakamura in a tense "
    "final game. The Norwegian champion said the home crowd had carried him through the last round. "
    "Organisers said more than ten thousand visitors came to the venue over the weekend."
)
RAIL = (
    "Workers on the new high-speed rail line between Madrid and Seville began a three-day strike on "
    "Wednesday over pay and safety rules. The union said trains would run at half capacity, and the "
    "transport ministry in Madrid urged both sides to return to talks before the summer holidays."
)


def article(id, text, **fields):
    return {"id": id, "text": text, **fields}


@pytest.fixture
def articles():
    """Six articles: a harbour fire (with an exact copy and a follow-up), a chess final and a rail strike."""
    return [
        article("harbour-1", HARBOUR, title="Blaze at Lisbon harbour", published="2021-03-01T21:00:00Z",
                source="Daily Example", section="world"),
        article("chess", CHESS, title="Carlsen wins in Oslo", published="2021-03-01T18:00:00Z"),
        article("harbour-copy", HARBOUR, title="Blaze at Lisbon harbour", published="2021-03-02T06:00:00Z",
                source="Wire Example"),
        article("rail", RAIL, title="Spanish rail strike", published="2021-03-03"),
        article("harbour-2", HARBOUR_FOLLOW_UP, title="Lisbon harbour fire put out",
                published="2021-03-02T09:30:00Z"),
        article("undated", CHESS.replace("Sunday", "Saturday"), title="Carlsen wins again"),
    ]


@pytest.fixture
def cli(tmp_path):
    """Runs the storyline command and returns its JSON lines (or the one JSON object of similar --json)."""
    binary = os.environ.get("STORYLINE_CLI_PATH")
    if not binary:
        pytest.skip("STORYLINE_CLI_PATH is not set (ctest sets it)")

    def run(args, articles=None):
        if articles is not None:
            path = tmp_path / "input.jsonl"
            path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
            args = [*args, str(path)]
        out = subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    return run


def shared_dir():
    if "STORYLINE_SHARED" in os.environ:
        return pathlib.Path(os.environ["STORYLINE_SHARED"])
    source = pathlib.Path(os.environ.get("STORYLINE_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
    return source.parent / "shared"


@pytest.fixture
def seeds():
    path = shared_dir() / "seeds" / "seeds.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def index(tmp_path):
    with storyline.Index(str(tmp_path / "store.db")) as opened:
        yield opened
