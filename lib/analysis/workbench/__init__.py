"""The analyst's workbench: JupyterLab, configured to render Chinese without system fonts."""
