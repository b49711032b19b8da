"""Loading the settings: sources in order, every problem at once, no state kept between loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.settings import Settings, SettingsError, load_settings
from monitor.settings.load import config_path


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("REDIS_URL", "SLACK_BOT_TOKEN", "SLACK_WEBHOOK_URL", "MONITOR_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)  # no monitor.yaml or .env of the repository's


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_the_environment_beats_the_file_and_the_file_beats_the_defaults(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = write(tmp_path / "a.yaml", "redis:\n  namespace: from-file\nmetrics:\n  port: 9200\n")
    loaded = load_settings(config)
    assert (loaded.redis.namespace, loaded.metrics.port, loaded.log.level) == ("from-file", 9200, None)
    monkeypatch.setenv("MONITOR_REDIS__NAMESPACE", "from-env")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6399/0")
    loaded = load_settings(config)
    assert (loaded.redis.namespace, loaded.redis.url, loaded.metrics.port) == (
        "from-env",
        "redis://127.0.0.1:6399/0",
        9200,
    )


def test_dotenv_in_the_working_folder_is_read(tmp_path: Path) -> None:
    write(tmp_path / ".env", "MONITOR_LOG__LEVEL=info\nREDIS_URL=redis://127.0.0.1:6398/0\n")
    loaded = load_settings()
    assert (loaded.log.level, loaded.redis.url) == ("info", "redis://127.0.0.1:6398/0")


def test_nothing_carries_over_from_one_load_to_the_next(tmp_path: Path) -> None:
    a = write(tmp_path / "a.yaml", "redis:\n  namespace: a\n")
    b = write(tmp_path / "b.yaml", "redis:\n  namespace: b\n")
    assert [load_settings(p).redis.namespace for p in (a, b, a)] == ["a", "b", "a"]
    assert load_settings().redis.namespace == "default"  # no file chosen: nothing remembered


def test_the_config_file_is_found_by_flag_env_or_working_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert config_path() is None
    local = write(tmp_path / "monitor.yaml", "{}\n")
    assert config_path() == Path("monitor.yaml") and local.is_file()
    other = write(tmp_path / "other.yaml", "{}\n")
    monkeypatch.setenv("MONITOR_CONFIG", str(other))
    assert config_path() == other
    assert config_path(local) == local  # the flag wins
    with pytest.raises(SettingsError, match="does not exist"):
        config_path(tmp_path / "missing.yaml")


def test_file_and_environment_errors_come_together(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = write(tmp_path / "bad.yaml", "metrics:\n  port: -1\nextract:\n  mode: fork\n")
    monkeypatch.setenv("MONITOR_DELIVERY__RETRY_EVERY", "soon")
    with pytest.raises(SettingsError) as caught:
        load_settings(config)
    lines = caught.value.lines
    assert lines[0].startswith(f"{config}:2:3: metrics.port:")
    assert lines[1].startswith(f"{config}:4:3: extract.mode:")
    assert any(
        line.startswith("MONITOR_DELIVERY__RETRY_EVERY (config: delivery.retry_every)") for line in lines
    )


def test_keyword_arguments_are_the_file_layer_below_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONITOR_METRICS__PORT", "9300")
    settings = Settings(metrics={"port": 9200, "host": "0.0.0.0"})
    assert (settings.metrics.port, settings.metrics.host) == (9300, "0.0.0.0")  # merged per field
