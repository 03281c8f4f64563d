"""A papermill engine for a kernel the worker keeps: papermill's own nbclient engine, run
through a kernel client that is already connected and ready.

papermill's default engine connects a new client for every notebook, and waiting for a new
client to be ready costs about 0.2 s (jupyter_client listens for 0.2 s of silence on IOPub);
in a batch of hundreds of reports on one warm kernel that wait would be paid every time.
Parameter injection, the injected-parameters cell, error markers and papermill's metadata are
papermill's, unchanged.
"""

from __future__ import annotations

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

ENGINE_NAME = "connected-client"


class ConnectedClientEngine(NBClientEngine):
    """Executes on ``kc``, a client of ``km`` whose channels are open; leaves both running."""

    @classmethod
    def execute_managed_notebook(
        cls, nb_man, kernel_name, log_output=False, start_timeout=60, execution_timeout=None, *, km, kc, **kwargs
    ):
        client = PapermillNotebookClient(
            nb_man,
            km=km,
            kernel_name=kernel_name,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            log_output=log_output,
        )
        client.kc = kc  # nbclient connects a client only when it has none
        return client.execute()


papermill_engines.register(ENGINE_NAME, ConnectedClientEngine)
