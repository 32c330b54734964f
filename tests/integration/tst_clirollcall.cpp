// commandpost-cli rollcall, action and decision, run in-process: refusals first (a clear message,
// the right exit code, nothing changed), then a round from start to summary with Needs turned
// into an action in one step, the missed list, actions and decisions.

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "inprocesscli.h"
#include "rollcallscenario.h"
#include "tempdatabase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace cp;
using namespace cp::test;

class TstCliRollCall : public QObject
{
    Q_OBJECT

private:
    InProcessCli m_cli;
    std::unique_ptr<TempDatabase> m_tmp;
    QString m_incident;

    CliRun cli(QStringList arguments)
    {
        arguments.prepend(m_tmp->path());
        arguments.prepend(QStringLiteral("--db"));
        return m_cli.run(arguments);
    }

    int entryCount()
    {
        const CliRun run = cli({QStringLiteral("timeline"), QStringLiteral("--incident"), m_incident,
                                QStringLiteral("--format"), QStringLiteral("json")});
        return int(run.json().object().value(QStringLiteral("entries")).toArray().size());
    }

    QJsonObject status()
    {
        const CliRun run = cli({QStringLiteral("rollcall"), QStringLiteral("status"), QStringLiteral("--incident"),
                                m_incident, QStringLiteral("--format"), QStringLiteral("json")});
        return run.json().object();
    }

private slots:
    void init()
    {
        m_tmp = std::make_unique<TempDatabase>();
        FakeClock clock(QDateTime::currentDateTimeUtc());
        IncidentStore store(clock);
        QVERIFY(store.session().open(m_tmp->path()).ok());
        RollCallScenario scenario;
        const QString problem = scenario.setUp(store);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_incident = QString::number(scenario.incidentId);
    }

    void refusalsChangeNothing()
    {
        const int before = entryCount();
        QVERIFY(before > 0);
        CLI_FAILS(cli({QStringLiteral("rollcall")}), ExitUsage, "usage");
        CLI_FAILS(cli({QStringLiteral("rollcall"), QStringLiteral("shout")}), ExitUsage, "usage");
        CLI_FAILS_SILENTLY(cli({QStringLiteral("rollcall"), QStringLiteral("answer"), QStringLiteral("sme"),
                                QStringLiteral("--incident"), m_incident}),
                           ExitUsage, "usage");
        CLI_FAILS_SILENTLY(
            cli({QStringLiteral("rollcall"), QStringLiteral("answer"), QStringLiteral("dana"),
                 QStringLiteral("--incident"), m_incident, QStringLiteral("--condition"), QStringLiteral("fine")}),
            ExitUsage, "usage");
        // No round yet.
        CLI_FAILS_SILENTLY(
            cli({QStringLiteral("rollcall"), QStringLiteral("answer"), QStringLiteral("dana"),
                 QStringLiteral("--incident"), m_incident, QStringLiteral("--condition"), QStringLiteral("healthy")}),
            ExitNotFound, "not-found");
        CLI_FAILS_SILENTLY(cli({QStringLiteral("rollcall"), QStringLiteral("start"), QStringLiteral("--incident"),
                                m_incident, QStringLiteral("--roles"), QStringLiteral("sme,dba")}),
                           ExitNotFound, "not-found");
        CLI_FAILS_SILENTLY(cli({QStringLiteral("rollcall"), QStringLiteral("start"), QStringLiteral("--incident"),
                                m_incident, QStringLiteral("--timebox"), QStringLiteral("soon")}),
                           ExitUsage, "usage");
        CLI_FAILS_SILENTLY(
            cli({QStringLiteral("rollcall"), QStringLiteral("end"), QStringLiteral("--incident"), m_incident}),
            ExitDataError, "invalid");
        CLI_FAILS_SILENTLY(
            cli({QStringLiteral("action"), QStringLiteral("add"), QStringLiteral("--incident"), m_incident}), ExitUsage,
            "usage");
        CLI_FAILS_SILENTLY(
            cli({QStringLiteral("action"), QStringLiteral("add"), QStringLiteral("--incident"), m_incident,
                 QStringLiteral("--text"), QStringLiteral("x"), QStringLiteral("--status"), QStringLiteral("maybe")}),
            ExitUsage, "usage");
        CLI_FAILS_SILENTLY(cli({QStringLiteral("action"), QStringLiteral("add"), QStringLiteral("--incident"),
                                m_incident, QStringLiteral("--text"), QStringLiteral("x"),
                                QStringLiteral("--owner-person"), QStringLiteral("nobody-like-this")}),
                           ExitNotFound, "not-found");
        CLI_FAILS_SILENTLY(
            cli({QStringLiteral("decision"), QStringLiteral("add"), QStringLiteral("--incident"), m_incident}),
            ExitUsage, "usage");
        CLI_FAILS_SILENTLY(cli({QStringLiteral("decision"), QStringLiteral("add"), QStringLiteral("--incident"),
                                QStringLiteral("999"), QStringLiteral("--proposal"), QStringLiteral("x")}),
                           ExitNotFound, "not-found");
        QCOMPARE(entryCount(), before);

        // With a round: five people hold "sme", so the role alone is ambiguous.
        CLI_OK(cli({QStringLiteral("rollcall"), QStringLiteral("start"), QStringLiteral("--incident"), m_incident}));
        const int started = entryCount();
        const CliRun ambiguous =
            cli({QStringLiteral("rollcall"), QStringLiteral("answer"), QStringLiteral("sme"),
                 QStringLiteral("--incident"), m_incident, QStringLiteral("--condition"), QStringLiteral("healthy")});
        CLI_FAILS_SILENTLY(ambiguous, ExitDataError, "invalid");
        QVERIFY2(ambiguous.err.contains("--person"), qPrintable(ambiguous.describe()));
        // --needs-action with an unknown owner: refused before the answer is saved.
        CLI_FAILS_SILENTLY(cli({QStringLiteral("rollcall"), QStringLiteral("answer"), QStringLiteral("dana"),
                                QStringLiteral("--incident"), m_incident, QStringLiteral("--condition"),
                                QStringLiteral("down"), QStringLiteral("--needs"), QStringLiteral("a DBA"),
                                QStringLiteral("--needs-action"), QStringLiteral("--owner"), QStringLiteral("dba")}),
                           ExitNotFound, "not-found");
        QCOMPARE(entryCount(), started);
        QCOMPARE(status().value(QStringLiteral("items")).toArray().at(3).toObject().value(QStringLiteral("state")),
                 QJsonValue(QStringLiteral("pending")));
    }

    void aRoundFromStartToSummary()
    {
        const CliRun started =
            cli({QStringLiteral("rollcall"), QStringLiteral("start"), QStringLiteral("--incident"), m_incident,
                 QStringLiteral("--roles"), QStringLiteral("sme"), QStringLiteral("--timebox"), QStringLiteral("5m")});
        CLI_OK(started);
        QVERIFY(started.out.trimmed().toLongLong() > 0);

        const CliRun answered =
            cli({QStringLiteral("rollcall"), QStringLiteral("answer"), QStringLiteral("sme"),
                 QStringLiteral("--person"), QStringLiteral("dana"), QStringLiteral("--incident"), m_incident,
                 QStringLiteral("--condition"), QStringLiteral("degraded"), QStringLiteral("--text"),
                 QStringLiteral("4% of card payments fail"), QStringLiteral("--actions"),
                 QStringLiteral("rolling back 4.13"), QStringLiteral("--needs"), QStringLiteral("a DBA on the call"),
                 QStringLiteral("--needs-action"), QStringLiteral("--owner"), QStringLiteral("deputy")});
        CLI_OK(answered);
        const qint64 actionId = answered.out.trimmed().toLongLong();
        QVERIFY(actionId > 0);
        CLI_OK(
            cli({QStringLiteral("rollcall"), QStringLiteral("answer"), QStringLiteral("eli"),
                 QStringLiteral("--incident"), m_incident, QStringLiteral("--condition"), QStringLiteral("healthy")}));
        CLI_OK(cli({QStringLiteral("rollcall"), QStringLiteral("miss"), QStringLiteral("fay"),
                    QStringLiteral("--incident"), m_incident}));
        CLI_OK(cli({QStringLiteral("rollcall"), QStringLiteral("skip"), QStringLiteral("gus"),
                    QStringLiteral("--incident"), m_incident}));

        QJsonObject s = status();
        QCOMPARE(s.value(QStringLiteral("round")).toInt(), 1);
        QVERIFY(s.value(QStringLiteral("open")).toBool());
        QVERIFY(s.value(QStringLiteral("timer")).toInteger() > 0);
        const QJsonArray items = s.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 5);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("condition")).toString(), QStringLiteral("degraded"));
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("needs")).toString(), QStringLiteral("a DBA on the call"));
        QCOMPARE(items.at(2).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("no-answer"));
        QCOMPARE(items.at(3).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("skipped"));
        QCOMPARE(s.value(QStringLiteral("missed")).toArray().size(), 1);

        CLI_OK(cli({QStringLiteral("rollcall"), QStringLiteral("end"), QStringLiteral("--incident"), m_incident}));
        s = status();
        QVERIFY(!s.value(QStringLiteral("open")).toBool());
        const QJsonArray missed = s.value(QStringLiteral("missed")).toArray();
        QCOMPARE(missed.size(), 2); // Fay, and Hana who was never called
        QCOMPARE(missed.at(1).toObject().value(QStringLiteral("person")).toString(), QStringLiteral("Fay Moreau"));

        const QString hana = QString::number(missed.at(0).toObject().value(QStringLiteral("id")).toInteger());
        CLI_OK(cli({QStringLiteral("rollcall"), QStringLiteral("dismiss"), hana}));
        QCOMPARE(status().value(QStringLiteral("missed")).toArray().size(), 1);
        CLI_FAILS_SILENTLY(cli({QStringLiteral("rollcall"), QStringLiteral("dismiss"), hana}), ExitDataError,
                           "invalid");

        // The action from the Needs, then done.
        CLI_OK(cli({QStringLiteral("action"), QStringLiteral("set"), QString::number(actionId),
                    QStringLiteral("--status"), QStringLiteral("done")}));
        CLI_OK(cli({QStringLiteral("action"), QStringLiteral("add"), QStringLiteral("--incident"), m_incident,
                    QStringLiteral("--text"), QStringLiteral("Alert on payment error rate"),
                    QStringLiteral("--follow-up")}));
        const CliRun actions = cli({QStringLiteral("action"), QStringLiteral("list"), QStringLiteral("--incident"),
                                    m_incident, QStringLiteral("--format"), QStringLiteral("json")});
        CLI_OK(actions);
        const QJsonArray list = actions.json().array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("proposed"));
        QVERIFY(list.at(0).toObject().value(QStringLiteral("follow_up")).toBool());
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("a DBA on the call"));
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("owner")).toString(), QStringLiteral("Deputy"));
        QVERIFY(list.at(1).toObject().value(QStringLiteral("from_item")).toInteger() > 0);

        const CliRun decided =
            cli({QStringLiteral("decision"), QStringLiteral("add"), QStringLiteral("--incident"), m_incident,
                 QStringLiteral("--proposal"), QStringLiteral("Roll back to 4.12"), QStringLiteral("--objections"),
                 QStringLiteral("none"), QStringLiteral("--decided-by"), QStringLiteral("Ana Lima")});
        CLI_OK(decided);
        const CliRun decisions =
            cli({QStringLiteral("decision"), QStringLiteral("list"), QStringLiteral("--incident"), m_incident});
        CLI_OK(decisions);
        QVERIFY2(decisions.out.contains("adopted\tnone-raised\tAna Lima\tRoll back to 4.12"),
                 qPrintable(decisions.describe()));

        const CliRun timeline = cli({QStringLiteral("timeline"), QStringLiteral("--incident"), m_incident});
        CLI_OK(timeline);
        const QString text = QString::fromUtf8(timeline.out);
        QVERIFY(text.contains(QStringLiteral("Roll call 1 started — 5 to report")));
        QVERIFY(text.contains(QStringLiteral("Roll call 1 closed — 2 of 4 reported.")));
        QVERIFY(text.contains(QStringLiteral("Missed: SME — Fay Moreau, SME — Hana Ito.")));
        QVERIFY(text.contains(QStringLiteral("(from the Needs of SME — Dana Reyes in roll call 1)")));
        QVERIFY(
            text.contains(QStringLiteral("Decision: Roll back to 4.12 — adopted by Ana Lima; no strong objections")));
    }
};

QTEST_GUILESS_MAIN(TstCliRollCall)
#include "tst_clirollcall.moc"
