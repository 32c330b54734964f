#include "csvfield.h"

namespace cp {

namespace {

bool startsFormula(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

// Quotes, then a formula character: what write() prefixes (and read() strips) one quote for.
// Counting the quotes keeps a text that itself began with "'=" intact both ways.
bool needsNeutralising(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == u'\'')
        ++i;
    return i < text.size() && startsFormula(text.at(i));
}

} // namespace

QString CsvField::write(const QString &value)
{
    QString field = needsNeutralising(value) ? QLatin1Char('\'') + value : value;
    if (field.contains(u'"') || field.contains(u',') || field.contains(u'\n') || field.contains(u'\r')) {
        field.replace(u'"', QStringLiteral("\"\""));
        return QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field;
}

QString CsvField::read(const QString &field)
{
    if (field.startsWith(u'\'') && needsNeutralising(field))
        return field.mid(1);
    return field;
}

} // namespace cp
