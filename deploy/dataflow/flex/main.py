"""The Flex Template launcher's Python file (FLEX_TEMPLATE_PYTHON_PY_FILE in the image):
template parameters in, ``sgshards run`` out (sgshards.pipeline.commands.template)."""
import sys

from sgshards.pipeline.commands.template import main

sys.exit(main())
