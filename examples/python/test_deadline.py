"""A Deadline Cloud job, from its Open Job Description template to SUCCEEDED, through boto3 against the mock."""

TEMPLATE = """
specificationVersion: jobtemplate-2023-09
name: Render shot
parameterDefinitions:
- name: Frames
  type: STRING
  default: "1-4"
steps:
- name: Render
  parameterSpace:
    taskParameterDefinitions:
    - name: Frame
      type: INT
      range: "{{Param.Frames}}"
  script:
    actions:
      onRun:
        command: render
        args: ["{{Task.Param.Frame}}"]
"""

FLEET = {"customerManaged": {"mode": "NO_SCALING", "workerCapabilities": {"vCpuCount": {"min": 2}, "memoryMiB": {"min": 4096}, "osFamily": "LINUX", "cpuArchitectureType": "x86_64"}}}


def poll(read, done, polls=100):
    for _ in range(polls):
        value = read()
        if done(value):
            return value
    raise AssertionError("never reached the state")


def test_job_flow(client):
    deadline = client("deadline")
    farm = deadline.create_farm(displayName="Render farm")["farmId"]
    queue = deadline.create_queue(farmId=farm, displayName="Shots")["queueId"]
    fleet = deadline.create_fleet(farmId=farm, displayName="Linux fleet", roleArn="arn:aws:iam::123456789012:role/DeadlineFleetRole", maxWorkerCount=2, configuration=FLEET)["fleetId"]
    deadline.create_queue_fleet_association(farmId=farm, queueId=queue, fleetId=fleet)
    poll(lambda: deadline.get_fleet(farmId=farm, fleetId=fleet)["status"], lambda s: s == "ACTIVE")
    job = deadline.create_job(farmId=farm, queueId=queue, priority=50, template=TEMPLATE, templateType="YAML", parameters={"Frames": {"string": "1-3"}})["jobId"]
    finished = poll(lambda: deadline.get_job(farmId=farm, queueId=queue, jobId=job), lambda j: j["taskRunStatus"] in ("SUCCEEDED", "FAILED", "CANCELED"))
    assert finished["taskRunStatus"] == "SUCCEEDED"
    assert finished["name"] == "Render shot"
    assert {status: n for status, n in finished["taskRunStatusCounts"].items() if n} == {"SUCCEEDED": 3}
    steps = deadline.list_steps(farmId=farm, queueId=queue, jobId=job)["steps"]
    assert [s["name"] for s in steps] == ["Render"]
    tasks = deadline.list_tasks(farmId=farm, queueId=queue, jobId=job, stepId=steps[0]["stepId"])["tasks"]
    assert sorted(t["parameters"]["Frame"]["int"] for t in tasks) == ["1", "2", "3"]
