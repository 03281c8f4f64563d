"""Intake, beside the pipeline: reading plans as received, proposing candidate targets,
evaluating the extractor, reviewing and registering a new plan, and a synthetic corpus."""
