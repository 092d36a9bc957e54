"""spark-submit's entry for the native Spark engine (spark-submit runs a file, not ``-m``):

    spark-submit --master spark://HOST:7077 deploy/spark/submit.py run --engine spark --input ... --output ...

Without ``--spark-master`` the run takes spark-submit's master and settings (``--conf``,
``spark-defaults.conf``).  sgshards and its model must be importable by the driver and every
executor's Python: see deploy/spark/README.md ("The native engine on an existing cluster")."""
import sys

from sgshards.pipeline.commands.cli import main

sys.exit(main())
