"""The report batch: plan (which notebook with which parameters), kernel (warm, reset between
reports), executors (local pool or Dask), cache (what each report read), output (atomic
folders, the index), and ``build_reports`` tying them together."""
