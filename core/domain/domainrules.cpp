#include "domainrules.h"

namespace cp {

QString DomainRules::textProblem(const QString &text, int maxChars)
{
    if (text.size() > maxChars)
        return tr("is %1 characters long; keep it under %2").arg(text.size()).arg(maxChars);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return tr("holds a lone UTF-16 surrogate (U+%1) at character %2, which is not text")
                .arg(c.unicode(), 4, 16, QLatin1Char('0'))
                .arg(i + 1);
    }
    return {};
}

QString DomainRules::handleProblem(const QString &handle)
{
    // One word of 1–64 ASCII letters, digits, dots, dashes or underscores, starting with a letter or
    // digit. Spelled out rather than a regular expression: a roster import checks every row.
    auto isAlnum = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    };
    bool ok = !handle.isEmpty() && handle.size() <= 64 && isAlnum(handle.front());
    for (qsizetype i = 1; ok && i < handle.size(); ++i) {
        const QChar c = handle.at(i);
        ok = isAlnum(c) || c == u'.' || c == u'_' || c == u'-';
    }
    if (!ok)
        return tr("the handle “%1” must be one word of letters, digits, dots, dashes or underscores").arg(handle);
    return {};
}

QString DomainRules::futureProblem(const QDateTime &at, const QDateTime &nowUtc)
{
    if (at.isValid() && at.toMSecsSinceEpoch() > nowUtc.toMSecsSinceEpoch() + FutureToleranceMs)
        return tr("%1 is in the future; it records something that has happened")
            .arg(at.toUTC().toString(Qt::ISODateWithMs));
    return {};
}

QString DomainRules::orderProblem(const QDateTime &start, const QDateTime &end, const QString &endName,
                                  const QString &startName)
{
    if (start.isValid() && end.isValid() && end < start)
        return tr("%1 (%2) is before %3 (%4)")
            .arg(endName, end.toUTC().toString(Qt::ISODateWithMs), startName,
                 start.toUTC().toString(Qt::ISODateWithMs));
    return {};
}

QString DomainRules::durationProblem(qint64 ms)
{
    if (ms < 0)
        return tr("a duration cannot be negative (%1 ms)").arg(ms);
    if (ms > MaxDurationMs)
        return tr("a duration of more than a week (%1 ms) is a typo").arg(ms);
    return {};
}

} // namespace cp
