"""The presentation stage: one label catalogue (zh/en), the chart style, the charts, the
tables behind them, notebook parameters and the notebook-side display helper."""
