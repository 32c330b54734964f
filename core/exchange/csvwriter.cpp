#include "csvwriter.h"

namespace cp {

QString CsvWriter::field(const QString &value)
{
    if (!value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    return QLatin1Char('"') + QString(value).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
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
