"""The bundled corpus: five public OSCE / Council of Europe documents and their manifest."""
