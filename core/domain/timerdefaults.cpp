#include "domain/timerdefaults.h"

#include <QJsonDocument>
#include <QSet>

namespace cp {

namespace {
constexpr qint64 Minute = 60 * 1000;
}

QList<TimerDefault> TimerDefaults::forSeverity(Severity severity)
{
    const TimerDefault sinceDeclared{
        QStringLiteral("since-declared"), TimerKind::Stopwatch, tr("Since declared"), QString(), 0, 0, 0, true};
    const TimerDefault internal30{QStringLiteral("internal-update"),
                                  TimerKind::Cadence,
                                  tr("Internal and executive update"),
                                  QStringLiteral("internal-liaison"),
                                  30 * Minute,
                                  0,
                                  0,
                                  false};
    const TimerDefault handOver{QStringLiteral("ic-handover"),
                                TimerKind::Cadence,
                                tr("IC hand-over check"),
                                QStringLiteral("ic"),
                                60 * Minute,
                                0,
                                0,
                                false};
    const TimerDefault handOverLimit{QStringLiteral("ic-hard-limit"),
                                     TimerKind::Countdown,
                                     tr("IC hand-over hard limit"),
                                     QStringLiteral("ic"),
                                     180 * Minute,
                                     0,
                                     0,
                                     false};
    switch (severity) {
    case Severity::Sev1:
    case Severity::Sev2:
        return {
            sinceDeclared,
            {QStringLiteral("external-update"), TimerKind::Cadence, tr("External status update"),
             QStringLiteral("customer-liaison"), 20 * Minute, 5 * Minute, 120 * Minute, false},
            {QStringLiteral("scoping-post"), TimerKind::Countdown, tr("External scoping post"),
             QStringLiteral("customer-liaison"), 10 * Minute, 0, 0, false},
            internal30,
            {QStringLiteral("elapsed-callout"), TimerKind::Cadence, tr("Elapsed-time callout"),
             QStringLiteral("deputy"), 10 * Minute, 0, 0, false},
            handOver,
            handOverLimit,
        };
    case Severity::Sev3:
        return {sinceDeclared, internal30, handOver, handOverLimit};
    case Severity::Sev4:
    case Severity::Sev5:
        break;
    }
    TimerDefault internal60 = internal30;
    internal60.label = tr("Internal update");
    internal60.durationMs = 60 * Minute;
    return {sinceDeclared, internal60};
}

QList<TimerDefault> TimerDefaults::forSeverity(Severity severity, const TimerDefaultOverrides &overrides)
{
    QList<TimerDefault> result;
    for (TimerDefault d : forSeverity(severity)) {
        const TimerDefaultOverride change = overrides.value(severity, d.key);
        if (!change.enabled)
            continue;
        if (change.minutes > 0 && d.durationMs > 0)
            d.durationMs = change.minutes * Minute;
        if (change.firstAfterMinutes > 0 && d.firstAfterMs > 0)
            d.firstAfterMs = change.firstAfterMinutes * Minute;
        result << d;
    }
    return result;
}

namespace {

bool validMinutes(int minutes)
{
    return minutes >= TimerDefaultOverrides::MinMinutes && minutes <= TimerDefaultOverrides::MaxMinutes;
}

// Whole minutes in 1…1440, or 0 (the built-in) for anything else.
int minutesFromJson(const QJsonValue &value)
{
    if (!value.isDouble())
        return 0;
    const double number = value.toDouble();
    if (number != static_cast<double>(static_cast<int>(number)))
        return 0;
    const int minutes = static_cast<int>(number);
    return validMinutes(minutes) ? minutes : 0;
}

const QString EnabledField = QStringLiteral("enabled");
const QString MinutesField = QStringLiteral("minutes");
const QString FirstAfterField = QStringLiteral("firstAfterMinutes");

} // namespace

TimerDefaultOverride TimerDefaultOverrides::value(Severity severity, const QString &key) const
{
    return m_overrides.value(severity).value(key);
}

void TimerDefaultOverrides::set(Severity severity, const QString &key, const TimerDefaultOverride &change)
{
    TimerDefaultOverride clean = change;
    if (!validMinutes(clean.minutes))
        clean.minutes = 0;
    if (!validMinutes(clean.firstAfterMinutes))
        clean.firstAfterMinutes = 0;
    auto forSeverity = m_overrides.find(severity);
    if (clean.isNeutral()) {
        if (forSeverity == m_overrides.end())
            return;
        forSeverity->remove(key);
        if (forSeverity->isEmpty())
            m_overrides.erase(forSeverity);
        return;
    }
    m_overrides[severity].insert(key, clean);
}

void TimerDefaultOverrides::clear(Severity severity)
{
    m_overrides.remove(severity);
}

QJsonObject TimerDefaultOverrides::toJson() const
{
    QJsonObject json;
    for (auto s = m_overrides.cbegin(); s != m_overrides.cend(); ++s) {
        QJsonObject keys;
        for (auto k = s->cbegin(); k != s->cend(); ++k) {
            QJsonObject change;
            change.insert(EnabledField, k->enabled);
            if (k->minutes > 0)
                change.insert(MinutesField, k->minutes);
            if (k->firstAfterMinutes > 0)
                change.insert(FirstAfterField, k->firstAfterMinutes);
            keys.insert(k.key(), change);
        }
        json.insert(IncidentVocabulary::severityKey(s.key()), keys);
    }
    return json;
}

TimerDefaultOverrides TimerDefaultOverrides::fromJson(const QJsonObject &json)
{
    TimerDefaultOverrides overrides;
    for (auto s = json.constBegin(); s != json.constEnd(); ++s) {
        const auto severity = IncidentVocabulary::severityFromKey(s.key());
        if (!severity || !s.value().isObject())
            continue;
        QSet<QString> known;
        for (const TimerDefault &d : TimerDefaults::forSeverity(*severity))
            known.insert(d.key);
        const QJsonObject keys = s.value().toObject();
        for (auto k = keys.constBegin(); k != keys.constEnd(); ++k) {
            if (!known.contains(k.key()) || !k.value().isObject())
                continue;
            const QJsonObject fields = k.value().toObject();
            TimerDefaultOverride change;
            const QJsonValue enabled = fields.value(EnabledField);
            change.enabled = enabled.isBool() ? enabled.toBool() : true;
            change.minutes = minutesFromJson(fields.value(MinutesField));
            change.firstAfterMinutes = minutesFromJson(fields.value(FirstAfterField));
            overrides.set(*severity, k.key(), change);
        }
    }
    return overrides;
}

TimerDefaultOverrides TimerDefaultOverrides::fromText(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return fromJson(document.object());
}

QString TimerDefaultOverrides::toText() const
{
    if (isEmpty())
        return QString();
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

QString TimerDefaultOverrides::settingsKey()
{
    return QStringLiteral("preferences/timerDefaults");
}

} // namespace cp
