"""Residents answer a survey: the list of open surveys, answering, drafts, submitting."""
