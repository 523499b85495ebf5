"""Settings: the one place that reads the environment and `.env`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _split_list(value: object) -> object:
    if isinstance(value, str):
        return [part for part in value.replace(",", " ").split() if part]
    return value


class Settings(BaseSettings):
    """Every setting of the bot; `.env.example` documents each one."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    # Telegram
    telegram_bot_token: SecretStr = Field(SecretStr(""), alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str = Field("", alias="TELEGRAM_API_BASE_URL")
    telegram_mentor_chat_id: str = Field("", alias="TELEGRAM_MENTOR_CHAT_ID")
    telegram_webhook_url: str = Field("", alias="TELEGRAM_WEBHOOK_URL")
    telegram_webhook_secret: SecretStr = Field(SecretStr(""), alias="TELEGRAM_WEBHOOK_SECRET")
    telegram_webhook_listen: str = Field("127.0.0.1:8443", alias="TELEGRAM_WEBHOOK_LISTEN")
    telegram_group_welcome: bool = Field(False, alias="TELEGRAM_GROUP_WELCOME")

    # Discord
    discord_bot_token: SecretStr = Field(SecretStr(""), alias="DISCORD_BOT_TOKEN")
    discord_mentor_channel_id: str = Field("", alias="DISCORD_MENTOR_CHANNEL_ID")
    discord_mentor_role_id: str = Field("", alias="DISCORD_MENTOR_ROLE_ID")
    discord_guild_ids: Annotated[list[str], NoDecode] = Field(
        default_factory=list, alias="DISCORD_GUILD_IDS"
    )
    discord_api_base_url: str = Field("", alias="DISCORD_API_BASE_URL")
    discord_gateway_url: str = Field("", alias="DISCORD_GATEWAY_URL")

    # The core
    data_dir: Path = Field(Path("./data"), alias="GUIDE_DATA_DIR")
    knowledge_dir: Path = Field(Path("./knowledge"), alias="GUIDE_KNOWLEDGE_DIR")
    admins: Annotated[list[str], NoDecode] = Field(default_factory=list, alias="GUIDE_ADMINS")
    log_level: str = Field("INFO", alias="GUIDE_LOG_LEVEL")
    log_format: str = Field("text", alias="GUIDE_LOG_FORMAT")
    confidence_threshold: float = Field(0.5, alias="GUIDE_CONFIDENCE_THRESHOLD")
    review_max_age_days: int = Field(365, alias="GUIDE_REVIEW_MAX_AGE_DAYS")
    tick_seconds: float = Field(5.0, alias="GUIDE_TICK_SECONDS")
    decide_processes: int = Field(0, alias="GUIDE_DECIDE_PROCESSES")
    max_message_chars: int = Field(4000, alias="GUIDE_MAX_MESSAGE_CHARS")
    screenshots: bool = Field(True, alias="GUIDE_SCREENSHOTS")

    # Handoff
    mentor_capacity: int = Field(3, alias="GUIDE_MENTOR_CAPACITY")
    reannounce_minutes: float = Field(10, alias="GUIDE_REANNOUNCE_MINUTES")
    give_up_notice_minutes: float = Field(30, alias="GUIDE_GIVE_UP_NOTICE_MINUTES")
    mentor_silent_minutes: float = Field(20, alias="GUIDE_MENTOR_SILENT_MINUTES")
    idle_close_hours: float = Field(24, alias="GUIDE_IDLE_CLOSE_HOURS")

    # Abuse and privacy
    flood_limit: int = Field(8, alias="GUIDE_FLOOD_LIMIT")
    flood_window_seconds: float = Field(30, alias="GUIDE_FLOOD_WINDOW_SECONDS")
    retention_days: int = Field(90, alias="GUIDE_RETENTION_DAYS")

    # Optional LLM phrasing
    llm_provider: str = Field("", alias="GUIDE_LLM_PROVIDER")
    llm_model: str = Field("", alias="GUIDE_LLM_MODEL")
    llm_base_url: str = Field("", alias="GUIDE_LLM_BASE_URL")
    llm_api_key: SecretStr = Field(SecretStr(""), alias="GUIDE_LLM_API_KEY")

    # Operations
    metrics_port: int = Field(0, alias="GUIDE_METRICS_PORT")
    dashboard_port: int = Field(0, alias="GUIDE_DASHBOARD_PORT")
    dashboard_host: str = Field("127.0.0.1", alias="GUIDE_DASHBOARD_HOST")
    dashboard_url: str = Field("", alias="GUIDE_DASHBOARD_URL")

    @field_validator("admins", "discord_guild_ids", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return _split_list(value)

    @field_validator("metrics_port", "dashboard_port", mode="before")
    @classmethod
    def _ports(cls, value: object) -> object:
        return 0 if isinstance(value, str) and not value.strip() else value

    @property
    def dashboard_base(self) -> str:
        """The dashboard's public address for login links; empty when the dashboard is off."""
        if not self.dashboard_port:
            return ""
        if self.dashboard_url.strip():
            return self.dashboard_url.strip().rstrip("/")
        host = "127.0.0.1" if self.dashboard_host in ("", "0.0.0.0") else self.dashboard_host
        return f"http://{host}:{self.dashboard_port}"

    @property
    def db_path(self) -> Path:
        """The SQLite file of the bot."""
        return self.data_dir / "guide.db"

    @property
    def media_dir(self) -> Path:
        """Labelled screenshots waiting to be sent (deleted once delivered)."""
        return self.data_dir / "outgoing-media"

    @property
    def glossary_path(self) -> Path:
        """The app's interface labels, for reading screenshots."""
        return self.knowledge_dir / "ui-glossary.yaml"

    @property
    def chroma_dir(self) -> Path:
        """The embedded Chroma directory."""
        return self.data_dir / "chroma"

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every secret value set, for the log redaction."""
        values = (
            self.telegram_bot_token,
            self.telegram_webhook_secret,
            self.discord_bot_token,
            self.llm_api_key,
        )
        return tuple(v.get_secret_value() for v in values if v.get_secret_value())

    @property
    def platforms(self) -> tuple[str, ...]:
        """The chat platforms whose token is set."""
        tokens = {"telegram": self.telegram_bot_token, "discord": self.discord_bot_token}
        return tuple(name for name, token in tokens.items() if token.get_secret_value().strip())

    def is_admin(self, platform: str, user_id: str) -> bool:
        """Whether `platform:user_id` is listed in GUIDE_ADMINS."""
        return f"{platform}:{user_id}" in self.admins
