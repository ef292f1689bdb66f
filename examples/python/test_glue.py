"""A Glue catalog and a Glue job run, through boto3 against the mock."""

import pytest
from botocore.exceptions import ClientError


def wait_for_run(glue, job, run_id, polls=50):
    for _ in range(polls):
        run = glue.get_job_run(JobName=job, RunId=run_id)["JobRun"]
        if run["JobRunState"] in ("SUCCEEDED", "FAILED", "STOPPED", "TIMEOUT", "ERROR"):
            return run
    raise AssertionError(f"job run {run_id} did not finish")


def test_catalog_flow(client):
    glue = client("glue")
    glue.create_database(DatabaseInput={"Name": "sales"})
    glue.create_table(
        DatabaseName="sales",
        TableInput={
            "Name": "orders",
            "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "bigint"}], "Location": "s3://sales-data/orders/"},
            "PartitionKeys": [{"Name": "dt", "Type": "string"}],
        },
    )
    glue.batch_create_partition(
        DatabaseName="sales",
        TableName="orders",
        PartitionInputList=[{"Values": [day]} for day in ("2026-01-01", "2026-01-02", "2026-01-03")],
    )
    table = glue.get_table(DatabaseName="sales", Name="orders")["Table"]
    assert table["StorageDescriptor"]["Columns"] == [{"Name": "id", "Type": "bigint"}]
    assert [t["Name"] for t in glue.get_tables(DatabaseName="sales")["TableList"]] == ["orders"]
    later = glue.get_partitions(DatabaseName="sales", TableName="orders", Expression="dt > '2026-01-01'")["Partitions"]
    assert sorted(p["Values"][0] for p in later) == ["2026-01-02", "2026-01-03"]
    glue.delete_database(Name="sales")
    with pytest.raises(ClientError) as missing:
        glue.get_table(DatabaseName="sales", Name="orders")
    assert missing.value.response["Error"]["Code"] == "EntityNotFoundException"


def test_job_run_flow(client):
    glue = client("glue")
    glue.create_job(Name="nightly-orders", Role="arn:aws:iam::123456789012:role/GlueJobRole", Command={"Name": "glueetl", "ScriptLocation": "s3://code/nightly.py"})
    run_id = glue.start_job_run(JobName="nightly-orders")["JobRunId"]
    run = wait_for_run(glue, "nightly-orders", run_id)
    assert run["JobRunState"] == "SUCCEEDED"
    assert run["CompletedOn"] >= run["StartedOn"]
    assert [r["Id"] for r in glue.get_job_runs(JobName="nightly-orders")["JobRuns"]] == [run_id]


def test_a_planned_fault_and_the_calls_made(client, mock):
    glue = client("glue")
    mock.fault("glue:GetJob", {"error": "ThrottlingException"})
    with pytest.raises(ClientError) as throttled:
        glue.get_job(JobName="nightly-orders")
    assert throttled.value.response["Error"]["Code"] == "ThrottlingException"
    assert [(c["operation"], c["status"]) for c in mock.calls()] == [("glue:GetJob", 400)]


def test_accounts_keep_apart(client, server):
    import boto3

    client("glue").create_database(DatabaseInput={"Name": "mine"})
    other = boto3.session.Session().client("glue", region_name="us-west-2", endpoint_url=server, aws_access_key_id="999999999999", aws_secret_access_key="test")
    assert [d["Name"] for d in other.get_databases()["DatabaseList"]] == []
