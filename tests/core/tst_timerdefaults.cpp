// The default timers a declaration starts: by severity, with the user's overrides, once each.
#include "db/incidentstore.h"
#include "domain/timerdefaults.h"
#include "timertestcase.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

class TstTimerDefaults : public test::TimerTestCase
{
    Q_OBJECT

private slots:
    void init() { setUpTimers(); }
    void cleanup() { tearDownTimers(); }

    void defaultTimersBySeverity()
    {
        QVERIFY(m_store->timers().list(m_incident)->isEmpty()); // declaring starts none by itself
        m_clock->advance(2 * Minute);
        auto started = m_store->timers().startDefaults(m_incident, Severity::Sev1, m_ana);
        QVERIFY(started.ok());
        QCOMPARE(started->size(), TimerDefaults::forSeverity(Severity::Sev1).size());
        QHash<QString, Timer> byKey;
        for (const Timer &t : *m_store->timers().list(m_incident))
            byKey.insert(t.defaultKey, t);
        QCOMPARE(byKey.keys().size(), 7);
        const Timer external = byKey.value(QStringLiteral("external-update"));
        QCOMPARE(external.kind, TimerKind::Cadence);
        QCOMPARE(external.deadlineAt, now().addSecs(5 * 60));
        QCOMPARE(external.durationMs, 20 * Minute);
        QCOMPARE(external.endsAt, now().addSecs(2 * 3600));
        QCOMPARE(external.ownerRoleKey, QStringLiteral("customer-liaison"));
        QCOMPARE(byKey.value(QStringLiteral("internal-update")).durationMs, 30 * Minute);
        QCOMPARE(byKey.value(QStringLiteral("elapsed-callout")).durationMs, 10 * Minute);
        QCOMPARE(byKey.value(QStringLiteral("elapsed-callout")).ownerRoleKey, QStringLiteral("deputy"));
        QCOMPARE(byKey.value(QStringLiteral("ic-handover")).durationMs, Hour);
        QCOMPARE(byKey.value(QStringLiteral("ic-hard-limit")).kind, TimerKind::Countdown);
        QCOMPARE(byKey.value(QStringLiteral("ic-hard-limit")).deadlineAt, now().addSecs(3 * 3600));
        const Timer since = byKey.value(QStringLiteral("since-declared"));
        QCOMPARE(since.kind, TimerKind::Stopwatch);
        QCOMPARE(since.anchorAt, m_store->incidents().incident(m_incident)->declaredAt);
        QCOMPARE(since.elapsedMsAt(now()), 2 * Minute);
        // One summary on the timeline, not seven entries: it names each timer and carries each one's tag.
        const QList<TimelineEntry> entries = timerEntries();
        QCOMPARE(entries.size(), 1);
        QVERIFY2(entries.first().text.startsWith(QStringLiteral("Default timers started (7): ")),
                 qPrintable(entries.first().text));
        QVERIFY2(entries.first().text.contains(QStringLiteral("“External status update” — first in 5 min, then every "
                                                              "20 min, for 2 h (owner: customer-liaison)")),
                 qPrintable(entries.first().text));
        for (const Timer &t : byKey) {
            QVERIFY2(entries.first().text.contains(QStringLiteral("“%1”").arg(t.label)), qPrintable(t.label));
            QVERIFY(entries.first().tags.contains(QStringLiteral("timer-%1").arg(t.id)));
        }
        QCOMPARE(entries.first().author, m_ana);

        // Again: nothing doubles. A cancelled default may be started anew.
        QVERIFY(m_store->timers().startDefaults(m_incident, Severity::Sev1, m_ana)->isEmpty());
        QCOMPARE(timerEntries().size(), 1); // nothing started, nothing logged
        QVERIFY(m_store->timers().cancel(external.id, m_ana).ok());
        QCOMPARE(m_store->timers().startDefaults(m_incident, Severity::Sev2, m_ana)->size(), 1);
        QVERIFY2(timerTexts().last().startsWith(QStringLiteral("Default timer started: “External status update”")),
                 qPrintable(timerTexts().last()));

        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev3).size(), 4);
        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev4).size(), 2);
        QVERIFY(TimerDefaults::forSeverity(Severity::Sev5).size() < TimerDefaults::forSeverity(Severity::Sev3).size());
        QCOMPARE(m_store->timers().startDefaults(999, Severity::Sev1, m_ana).error().code(), Code::NotFound);
    }

    void defaultTimersWithOverrides()
    {
        TimerDefaultOverrides overrides;
        QVERIFY(overrides.isEmpty());
        overrides.set(Severity::Sev1, QStringLiteral("external-update"), {true, 15, 3});
        overrides.set(Severity::Sev1, QStringLiteral("elapsed-callout"), {false, 0, 0});
        overrides.set(Severity::Sev1, QStringLiteral("ic-hard-limit"), {true, 150, 0});
        overrides.set(Severity::Sev1, QStringLiteral("internal-update"), {true, 0, 0}); // neutral: not kept
        overrides.set(Severity::Sev3, QStringLiteral("internal-update"), {true, 45, 0});
        QCOMPARE(overrides.value(Severity::Sev1, QStringLiteral("internal-update")), TimerDefaultOverride());
        QCOMPARE(overrides.toJson().value(QStringLiteral("SEV-1")).toObject().size(), 3);

        const QList<TimerDefault> sev1 = TimerDefaults::forSeverity(Severity::Sev1, overrides);
        QCOMPARE(sev1.size(), TimerDefaults::forSeverity(Severity::Sev1).size() - 1);
        // Another severity's changes do not leak; no overrides: the built-ins.
        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev2, overrides).size(), 7);
        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev3, overrides).at(1).durationMs, 45 * Minute);
        QCOMPARE(TimerDefaults::forSeverity(Severity::Sev3, {}).at(1).durationMs, 30 * Minute);

        m_clock->advance(Minute);
        auto started = m_store->timers().startDefaults(m_incident, sev1, m_ana);
        QVERIFY(started.ok());
        QCOMPARE(started->size(), 6);
        QHash<QString, Timer> byKey;
        for (const Timer &t : *m_store->timers().list(m_incident))
            byKey.insert(t.defaultKey, t);
        QVERIFY(!byKey.contains(QStringLiteral("elapsed-callout"))); // disabled: not started
        const Timer external = byKey.value(QStringLiteral("external-update"));
        QCOMPARE(external.durationMs, 15 * Minute);
        QCOMPARE(external.deadlineAt, now().addSecs(3 * 60));
        QCOMPARE(external.endsAt, now().addSecs(2 * 3600)); // not editable: the built-in
        QCOMPARE(byKey.value(QStringLiteral("internal-update")).durationMs, 30 * Minute);
        QCOMPARE(byKey.value(QStringLiteral("ic-hard-limit")).deadlineAt, now().addSecs(150 * 60));
        QCOMPARE(byKey.value(QStringLiteral("since-declared")).kind, TimerKind::Stopwatch);
    }

    void timerDefaultOverridesRoundTripAndFallBack()
    {
        TimerDefaultOverrides overrides;
        overrides.set(Severity::Sev2, QStringLiteral("external-update"), {true, 25, 10});
        overrides.set(Severity::Sev2, QStringLiteral("scoping-post"), {false, 0, 0});
        overrides.set(Severity::Sev5, QStringLiteral("internal-update"), {true, 1440, 0});
        QCOMPARE(TimerDefaultOverrides::fromJson(overrides.toJson()), overrides);
        QCOMPARE(TimerDefaultOverrides::fromText(overrides.toText()), overrides);
        QCOMPARE(TimerDefaultOverrides().toText(), QString());

        // Out of range on set: the built-in value.
        TimerDefaultOverrides clamped;
        clamped.set(Severity::Sev1, QStringLiteral("ic-handover"), {true, -5, 0});
        clamped.set(Severity::Sev1, QStringLiteral("elapsed-callout"), {true, 1441, 0});
        QVERIFY(clamped.isEmpty());

        // Unreadable text, a non-object, unknown severities and keys: nothing, no crash.
        for (const char *text :
             {"", "not json", "[1,2]", "{\"SEV-9\":{}}", "{\"SEV-1\":[]}",
              "{\"SEV-1\":{\"no-such-default\":{\"minutes\":5}}}", "{\"SEV-4\":{\"external-update\":{\"minutes\":5}}}",
              "{\"SEV-1\":{\"ic-handover\":7}}"}) {
            const auto parsed = TimerDefaultOverrides::fromText(QString::fromUtf8(text));
            QVERIFY2(parsed.isEmpty(), text);
            QCOMPARE(TimerDefaults::forSeverity(Severity::Sev1, parsed).size(), 7);
        }
        // Bad values fall back one by one: wrong types, fractions, out of range.
        const auto mixed = TimerDefaultOverrides::fromText(QStringLiteral(
            R"({"SEV-1": {"ic-handover": {"enabled": "no", "minutes": "45"},
                          "elapsed-callout": {"minutes": 2.5},
                          "internal-update": {"minutes": 0},
                          "external-update": {"minutes": 100000, "firstAfterMinutes": 2},
                          "ic-hard-limit": {"enabled": false, "minutes": -3}}})"));
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("ic-handover")), TimerDefaultOverride());
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("elapsed-callout")), TimerDefaultOverride());
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("internal-update")), TimerDefaultOverride());
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("external-update")), (TimerDefaultOverride{true, 0, 2}));
        QCOMPARE(mixed.value(Severity::Sev1, QStringLiteral("ic-hard-limit")), (TimerDefaultOverride{false, 0, 0}));
        const QList<TimerDefault> applied = TimerDefaults::forSeverity(Severity::Sev1, mixed);
        QCOMPARE(applied.size(), 6);
        QCOMPARE(applied.at(1).key, QStringLiteral("external-update"));
        QCOMPARE(applied.at(1).durationMs, 20 * Minute);
        QCOMPARE(applied.at(1).firstAfterMs, 2 * Minute);
    }
};

QTEST_GUILESS_MAIN(TstTimerDefaults)
#include "tst_timerdefaults.moc"
