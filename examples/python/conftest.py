"""pytest fixtures for testing code that uses boto3 against aws-sdk-contracts' `serve`.

One server per test session (started with `--port 0`; the URL is read from the line it prints), a reset
of this worker's account before every test through the control API, and boto3 clients that sign with
this worker's account as their access key id, so parallel workers (pytest-xdist) share the server
without seeing each other's resources.
"""

import json
import os
import shlex
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

from deadline_model import ensure_deadline

HERE = Path(__file__).resolve().parent
CONTROL = "/_aws-sdk-contracts/v1"
# How to start the server: the package's CLI by default; CI runs the repository's build.
SERVE = os.environ.get("AWS_SDK_CONTRACTS_SERVE", "npx aws-sdk-contracts serve")


def _account():
    """This worker's account: twelve digits, one per pytest-xdist worker (gw0, gw1, ...)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return f"1000000000{int(worker.lstrip('gw') or 0):02d}"


@pytest.fixture(scope="session")
def server():
    """The mock server's URL, for the whole session; stopped with SIGTERM at the end."""
    # boto3 1.26 (Debian 12) predates Deadline Cloud: its model comes from the repository's Smithy model.
    ensure_deadline(HERE.parent.parent / "models", tempfile.mkdtemp(prefix="botocore-models-"))
    process = subprocess.Popen([*shlex.split(SERVE), "--port", "0"], cwd=HERE.parent.parent, stdout=subprocess.PIPE, text=True)
    url = None
    for line in process.stdout:
        if "listening on " in line:
            url = line.split("listening on ", 1)[1].split()[0]
            break
    if url is None:
        process.kill()
        raise RuntimeError(f"{SERVE} exited before it listened (code {process.wait()})")
    yield url
    process.terminate()
    process.wait(timeout=10)


def control(url, method, path, body=None, account=None):
    """Calls the control API; returns its JSON answer."""
    query = f"?account={account}" if account else ""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{url}{CONTROL}{path}{query}", data=data, method=method, headers={"content-type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


@pytest.fixture
def account(server):
    """This worker's account, reset before each test: every test starts from a fresh account."""
    account = _account()
    control(server, "POST", "/reset", {}, account)
    return account


@pytest.fixture
def mock(server, account):
    """The control API for this test's account: faults, planned answers, state and calls."""

    class Mock:
        def fault(self, operation, fault, times=1):
            return control(server, "POST", "/faults", {"operation": operation, "fault": fault, "times": times}, account)

        def respond_with(self, operation, output, times=1):
            return control(server, "POST", "/answers", {"operation": operation, "output": output, "times": times}, account)

        def add(self, state):
            return control(server, "POST", "/state", state, account)

        def calls(self):
            return control(server, "GET", "/calls", None, account)["calls"]

    return Mock()


@pytest.fixture
def client(server, account):
    """A boto3 client of the mock, signing as this test's account."""

    def make(service):
        # Deadline's operations carry the host prefix `management.`: a local endpoint takes none.
        config = Config(inject_host_prefix=False, retries={"total_max_attempts": 1})
        return boto3.session.Session().client(
            service,
            region_name="us-west-2",
            endpoint_url=server,
            aws_access_key_id=account,
            aws_secret_access_key="test",
            config=config,
        )

    return make
