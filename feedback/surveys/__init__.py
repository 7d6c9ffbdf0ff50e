"""Surveys: their structure and content in every language (the models and read services)."""
