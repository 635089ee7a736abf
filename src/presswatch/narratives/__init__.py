"""Narratives and entity roles (SemEval-2025 Task 10 subtasks 1 and 2)."""
