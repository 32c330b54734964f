#pragma once

#include <QIODevice>
#include <QList>
#include <QStringList>

namespace cp::bench {

// The floor of a PDF export beside Qt's own PDF engine: a QPdfWriter on the page the exports use
// (US Letter, 300 dpi) that lays each cell of a table out once with Qt's line breaking
// (QTextLayout, 8-point DejaVu Sans as the forms set it) and draws that layout, row under row,
// a new page when the next row does not fit. No frames and no form around the table: what an
// export costs above this is CommandPost's, the rest is Qt's shaping, PDF writing and compression.
// 'columns' are fractions of the width between half-inch margins. Returns the pages written.
int writePdfTable(const QList<QStringList> &rows, const QList<double> &columns, QIODevice &out);

} // namespace cp::bench
