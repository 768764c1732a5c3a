"""Every stage 3 record set, in the order the loader builds them."""

from __future__ import annotations

from triplewin.demo.data.delivery_af import AF_STAGE3
from triplewin.demo.data.delivery_copd import COPD_STAGE3
from triplewin.demo.data.stage3_others import OTHER_STAGE3
from triplewin.demo.data.stage3_types import Stage3Spec

STAGE3: tuple[Stage3Spec, ...] = (AF_STAGE3, COPD_STAGE3, *OTHER_STAGE3)
