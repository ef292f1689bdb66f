import {
  GetJobCommand,
  paginateListFarms,
  paginateListJobs,
  paginateListQueues,
  paginateListSteps,
  type DeadlineClient,
  type FarmSummary,
  type JobSummary,
  type QueueSummary,
  type StepSummary,
} from "@aws-sdk/client-deadline";

/**
 * A render-farm dashboard, as a team would write it on the AWS SDK: every farm with its queues, each
 * queue's jobs with their status and task counts, and a job's steps when it is picked. Nothing here
 * knows about the mock: the page runs against Deadline Cloud or the mock alike.
 */
export interface Dashboard {
  /** Loads everything again (the Refresh button). */
  refresh(): Promise<void>;
}

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

const statusBadge = (status: string | undefined) => el("span", { class: `status status-${(status ?? "unknown").toLowerCase()}`, "data-status": status ?? "" }, status ?? "—");

function counts(counts: Record<string, number> | undefined): string {
  const nonzero = Object.entries(counts ?? {}).filter(([, n]) => n > 0);
  return nonzero.length ? nonzero.map(([status, n]) => `${n} ${status.toLowerCase()}`).join(", ") : "no tasks";
}

function errorText(error: unknown): string {
  const e = error as { name?: string; message?: string };
  return `${e.name ?? "Error"}: ${e.message ?? String(error)}`;
}

export function mountDashboard(root: HTMLElement, deadline: DeadlineClient): Dashboard {
  const status = el("p", { class: "loading", role: "status" }, "Loading farms…");
  const content = el("div", { class: "content" });
  const refreshButton = el("button", { type: "button", id: "refresh" }, "Refresh");
  root.replaceChildren(el("header", {}, el("h1", {}, "Render farms"), refreshButton), status, content);

  async function showSteps(panel: HTMLElement, farmId: string, queueId: string, job: JobSummary) {
    panel.replaceChildren(el("p", { class: "loading" }, "Loading steps…"));
    try {
      const [detail, pages] = await Promise.all([
        deadline.send(new GetJobCommand({ farmId, queueId, jobId: job.jobId! })),
        all(paginateListSteps({ client: deadline }, { farmId, queueId, jobId: job.jobId! })),
      ]);
      const steps: StepSummary[] = pages.flatMap((p) => p.steps ?? []);
      panel.replaceChildren(
        el("h3", {}, `${detail.name} · steps`),
        el(
          "table",
          { class: "steps" },
          el("thead", {}, el("tr", {}, el("th", {}, "Step"), el("th", {}, "Status"), el("th", {}, "Tasks"))),
          el("tbody", {}, ...steps.map((s) => el("tr", { "data-step": s.name! }, el("td", {}, s.name!), el("td", {}, statusBadge(s.taskRunStatus)), el("td", {}, counts(s.taskRunStatusCounts))))),
        ),
      );
    } catch (error) {
      panel.replaceChildren(el("p", { class: "error", role: "alert" }, `Could not load the steps. ${errorText(error)}`));
    }
  }

  function jobsTable(farm: FarmSummary, queue: QueueSummary, jobs: JobSummary[]): HTMLElement {
    const panel = el("div", { class: "job-steps" });
    const rows = jobs.map((job) => {
      const button = el("button", { type: "button", class: "link" }, job.name ?? job.jobId!);
      button.addEventListener("click", () => void showSteps(panel, farm.farmId!, queue.queueId!, job));
      return el(
        "tr",
        { "data-job": job.name ?? "" },
        el("td", {}, button),
        el("td", {}, statusBadge(job.taskRunStatus)),
        el("td", { class: "num" }, String(job.priority ?? "")),
        el("td", {}, counts(job.taskRunStatusCounts)),
      );
    });
    return el(
      "div",
      {},
      el(
        "table",
        { class: "jobs" },
        el("thead", {}, el("tr", {}, el("th", {}, "Job"), el("th", {}, "Status"), el("th", {}, "Priority"), el("th", {}, "Tasks"))),
        el("tbody", {}, ...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "4" }, "No jobs"))])),
      ),
      panel,
    );
  }

  async function refresh() {
    status.className = "loading";
    status.textContent = "Loading farms…";
    status.removeAttribute("hidden");
    try {
      const farms = (await all(paginateListFarms({ client: deadline }, {}))).flatMap((p) => p.farms ?? []);
      const sections: HTMLElement[] = [];
      for (const farm of farms) {
        const queues = (await all(paginateListQueues({ client: deadline }, { farmId: farm.farmId! }))).flatMap((p) => p.queues ?? []);
        const queueSections: HTMLElement[] = [];
        for (const queue of queues) {
          const jobs = (await all(paginateListJobs({ client: deadline }, { farmId: farm.farmId!, queueId: queue.queueId! }))).flatMap((p) => p.jobs ?? []);
          queueSections.push(el("section", { class: "queue", "data-queue": queue.displayName! }, el("h3", {}, queue.displayName!, " ", statusBadge(queue.status)), jobsTable(farm, queue, jobs)));
        }
        sections.push(el("section", { class: "farm", "data-farm": farm.displayName! }, el("h2", {}, farm.displayName!), el("p", { class: "muted" }, farm.farmId!), ...queueSections));
      }
      content.replaceChildren(...(sections.length ? sections : [el("p", {}, "No farms yet.")]));
      status.setAttribute("hidden", "");
    } catch (error) {
      content.replaceChildren();
      status.className = "error";
      status.setAttribute("role", "alert");
      status.textContent = `Could not load the farms. ${errorText(error)}`;
    }
  }

  refreshButton.addEventListener("click", () => void refresh());
  return { refresh };
}
