#include "csvwriter.h"

#include "csvfield.h"

namespace cp {

QString CsvWriter::field(const QString &value)
{
    return CsvField::write(value); // quoted, and formulas neutralised
}

QString CsvWriter::record(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << field(f);
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QByteArray CsvWriter::preamble(Flavour flavour)
{
    return flavour == Flavour::Excel ? QByteArray("\xEF\xBB\xBF") : QByteArray();
}

} // namespace cp
