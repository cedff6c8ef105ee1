"""Report: analysed sentences → the bilingual report.

``group`` merges the same event across outlets and orders sections, ``english`` writes the
English line from the extracted facts, ``translate`` adds an optional labelled machine
translation, ``render`` writes the HTML and PDF.
"""
