"""Authoring: the workbook contract and import, YAML editing that keeps comments, scaffolds for new records."""
