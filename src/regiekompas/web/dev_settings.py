"""Development settings (`regiekompas demo`, type checking): the production settings with
REGIEKOMPAS_DEV switched on — debug-friendly, generated secret key, plain-HTTP cookies."""

import os

os.environ["REGIEKOMPAS_DEV"] = "true"

from regiekompas.web.settings import *  # noqa: F403
