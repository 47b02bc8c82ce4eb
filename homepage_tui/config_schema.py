"""What a settings file may hold: the pydantic schema that checks it (see config.py).

pydantic rather than pydantic-settings: the settings come from one TOML file only (no environment
variables per key, no .env files), and pydantic's errors carry the key's path, which the one-line
message needs. Defaults are config.Settings' own, so they are written once."""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from .config import PreviewSettings, Settings

_PREVIEW = PreviewSettings()
_DEFAULT = Settings()


class PreviewFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    width: Optional[int] = Field(default=_PREVIEW.width, ge=20, le=400)
    debounce_ms: int = Field(default=_PREVIEW.debounce_ms, ge=0, le=5000)


class SettingsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    theme: str = Field(default=_DEFAULT.theme, min_length=1)
    editor: Optional[str] = Field(default=_DEFAULT.editor, min_length=1)
    preview: PreviewFile = Field(default_factory=PreviewFile)
    keys: dict[str, str] = Field(default_factory=dict)
