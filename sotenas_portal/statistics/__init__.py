"""Statistics: aggregate figures for the public and for officials, drawn as
server-rendered SVG with a data table and a CSV download per chart."""
