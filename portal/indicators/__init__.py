"""Disaggregated indicators: values by district, demographic group and period."""
