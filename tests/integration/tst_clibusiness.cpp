// commandpost-cli's business incident commands, run in-process: the scripted business incident from
// declaration to all clear (every campaign halted and restarted, one customer email through the
// whole approval chain with one round of changes, the departments told, all on the timeline),
// and the refusals: one line on stderr, the documented exit code, nothing saved.

#include "approvalchain.h"
#include "db/incidentstore.h"
#include "domain/clock.h"
#include "inprocesscli.h"
#include "tempdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cp::test;

namespace {

const QByteArray DepartmentsCsv = "key,name,primary_contact,oncall_rotation,escalation_path\n"
                                  "engineering,Engineering,Ana Lima,sre-primary,CTO\n"
                                  "support,Customer Support,Cy Park,support-day,Head of Support\n"
                                  "marketing,Marketing,Mo Diaz,,CMO\n"
                                  "executive,Executive,Eve Stone,,CEO\n"
                                  "legal,Legal,Lee Fox,,General Counsel\n"
                                  "facilities,Facilities,,,\n";

} // namespace

class TstCliBusiness : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void helpNamesTheCommands();
    void refusals();
    void scriptedBusinessIncidentToAllClear();
    void businessIncidentOnItsOwn();

private:
    CliRun db(const QStringList &arguments) const
    {
        return m_cli.run(QStringList{QStringLiteral("--db"), m_tmp->path()} + arguments);
    }
    qint64 idFrom(const CliRun &run) const { return run.out.trimmed().toLongLong(); }
    QByteArray fingerprint() const { return TempDatabase::fingerprint(m_tmp->path()); }
    QJsonObject status(qint64 incident) const
    {
        return db({QStringLiteral("business"), QStringLiteral("status"), QStringLiteral("--incident"),
                   QString::number(incident), QStringLiteral("--format"), QStringLiteral("json")})
            .json()
            .object();
    }

    InProcessCli m_cli;
    std::unique_ptr<TempDatabase> m_tmp;
    qint64 m_incident = 0;
};

void TstCliBusiness::init()
{
    m_tmp = std::make_unique<TempDatabase>();
    CLI_OK(db({QStringLiteral("init")}));
    const QString csv = m_tmp->path(QStringLiteral("departments.csv"));
    QVERIFY(m_tmp->writeBytes(csv, DepartmentsCsv));
    CLI_OK(db({QStringLiteral("people"), QStringLiteral("import"), csv}));
    const CliRun created = db({QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                               QStringLiteral("Logins failing"), QStringLiteral("--severity"), QStringLiteral("SEV-1"),
                               QStringLiteral("--author"), QStringLiteral("ana")});
    CLI_OK(created);
    m_incident = idFrom(created);
    QVERIFY(m_incident > 0);
    // One holder for each role of the approval chain, named as the steps' authors below.
    cp::SystemClock clock;
    cp::IncidentStore store(clock);
    QVERIFY(store.session().open(m_tmp->path()).ok());
    QHash<QString, QString> holders = defaultChainHolders();
    holders.insert(QStringLiteral("technical-slt"), QStringLiteral("slt"));
    QCOMPARE(staffApprovalChain(store, m_incident, holders), QString());
}

void TstCliBusiness::helpNamesTheCommands()
{
    const CliRun help = m_cli.run({QStringLiteral("--help")});
    CLI_OK(help);
    for (const char *word : {"business declare", "message draft", "notify", "inbound"})
        QVERIFY2(help.out.contains(word), word);
    const CliRun message = m_cli.run({QStringLiteral("message"), QStringLiteral("--help")});
    CLI_OK(message);
    QVERIFY(message.out.contains("authorise"));
}

void TstCliBusiness::refusals()
{
    const QString id = QString::number(m_incident);
    const QByteArray before = fingerprint();
    // Not declared yet.
    CLI_FAILS_SILENTLY(db({QStringLiteral("message"), QStringLiteral("draft"), QStringLiteral("--incident"), id,
                           QStringLiteral("--audience"), QStringLiteral("customers"), QStringLiteral("--channel"),
                           QStringLiteral("email"), QStringLiteral("--text"), QStringLiteral("hello")}),
                       ExitNotFound, "not-found");
    // The wrong incident.
    CLI_FAILS_SILENTLY(db({QStringLiteral("business"), QStringLiteral("declare"), QStringLiteral("--incident"),
                           QStringLiteral("999")}),
                       ExitNotFound, "not-found");
    // A bad audience, a missing option, both --incident and --title.
    CLI_FAILS_SILENTLY(db({QStringLiteral("business"), QStringLiteral("declare"), QStringLiteral("--incident"), id,
                           QStringLiteral("--audiences"), QStringLiteral("customers,press")}),
                       ExitUsage, "usage");
    CLI_FAILS_SILENTLY(db({QStringLiteral("business"), QStringLiteral("declare")}), ExitUsage, "usage");
    CLI_FAILS_SILENTLY(db({QStringLiteral("business"), QStringLiteral("frobnicate")}), ExitUsage, "usage");
    QCOMPARE(fingerprint(), before);

    CLI_OK(db({QStringLiteral("business"), QStringLiteral("declare"), QStringLiteral("--incident"), id}));
    CLI_FAILS_SILENTLY(db({QStringLiteral("business"), QStringLiteral("declare"), QStringLiteral("--incident"), id}),
                       ExitDataError, "invalid");
    const CliRun drafted = db({QStringLiteral("message"), QStringLiteral("draft"), QStringLiteral("--incident"), id,
                               QStringLiteral("--audience"), QStringLiteral("customers"), QStringLiteral("--channel"),
                               QStringLiteral("email"), QStringLiteral("--text"), QStringLiteral("hello")});
    CLI_OK(drafted);
    const QString message = QString::number(idFrom(drafted));
    const QByteArray declared = fingerprint();
    // A message can never skip a step.
    const CliRun skipped = db({QStringLiteral("message"), QStringLiteral("approve"), message});
    CLI_FAILS_SILENTLY(skipped, ExitDataError, "invalid");
    QVERIFY2(skipped.err.contains("legal review") && skipped.err.contains("cannot skip"), skipped.err.constData());
    CLI_FAILS_SILENTLY(db({QStringLiteral("message"), QStringLiteral("review"), message, QStringLiteral("--as"),
                           QStringLiteral("messaging")}),
                       ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(db({QStringLiteral("message"), QStringLiteral("send"), message}), ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(db({QStringLiteral("message"), QStringLiteral("review"), message, QStringLiteral("--changes"),
                           QStringLiteral(" ")}),
                       ExitUsage, "usage");
    CLI_FAILS_SILENTLY(db({QStringLiteral("message"), QStringLiteral("review"), QStringLiteral("4242")}), ExitNotFound,
                       "not-found");
    // Only a holder of the step's role takes it, or the one entering it names whom for.
    const CliRun notTheHolder = db({QStringLiteral("message"), QStringLiteral("review"), message,
                                    QStringLiteral("--author"), QStringLiteral("mia")});
    CLI_FAILS_SILENTLY(notTheHolder, ExitDataError, "invalid");
    QVERIFY2(notTheHolder.err.contains("mia does not hold the Legal Officer role (held by lee)"),
             notTheHolder.err.constData());
    const CliRun forWrongOne =
        db({QStringLiteral("message"), QStringLiteral("review"), message, QStringLiteral("--author"),
            QStringLiteral("mei"), QStringLiteral("--for"), QStringLiteral("ceo")});
    CLI_FAILS_SILENTLY(forWrongOne, ExitDataError, "invalid");
    QVERIFY2(forWrongOne.err.contains("ceo does not hold the Legal Officer role"), forWrongOne.err.constData());
    CLI_FAILS_SILENTLY(db({QStringLiteral("message"), QStringLiteral("review"), message, QStringLiteral("--override"),
                           QStringLiteral(" "), QStringLiteral("--author"), QStringLiteral("ana")}),
                       ExitUsage, "usage");
    CLI_FAILS_SILENTLY(db({QStringLiteral("message"), QStringLiteral("review"), message, QStringLiteral("--for"),
                           QString(), QStringLiteral("--author"), QStringLiteral("ana")}),
                       ExitUsage, "usage");
    const CliRun notTheIc =
        db({QStringLiteral("message"), QStringLiteral("review"), message, QStringLiteral("--override"),
            QStringLiteral("Lee is away"), QStringLiteral("--author"), QStringLiteral("mia")});
    CLI_FAILS_SILENTLY(notTheIc, ExitDataError, "invalid");
    QVERIFY2(notTheIc.err.contains("Only the IC (ana)"), notTheIc.err.constData());
    // An unknown department, an activity of another incident, a restart before the return to normal.
    const CliRun unknown =
        db({QStringLiteral("notify"), QStringLiteral("--incident"), id, QStringLiteral("astrology")});
    CLI_FAILS_SILENTLY(unknown, ExitNotFound, "not-found");
    QVERIFY(unknown.err.contains("astrology"));
    CLI_FAILS_SILENTLY(db({QStringLiteral("business"), QStringLiteral("halt"), QStringLiteral("Paid advertising"),
                           QStringLiteral("--incident"), QStringLiteral("999")}),
                       ExitNotFound, "not-found");
    CLI_FAILS_SILENTLY(db({QStringLiteral("business"), QStringLiteral("halt"), QStringLiteral("Teleportation"),
                           QStringLiteral("--incident"), id}),
                       ExitNotFound, "not-found");
    CLI_FAILS_SILENTLY(db({QStringLiteral("business"), QStringLiteral("restart"), QStringLiteral("Email blasts"),
                           QStringLiteral("--incident"), id}),
                       ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(
        db({QStringLiteral("business"), QStringLiteral("brief"), QStringLiteral("--incident"), id,
            QStringLiteral("--question"), QStringLiteral("mood"), QStringLiteral("--answer"), QStringLiteral("fine")}),
        ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(
        db({QStringLiteral("inbound"), QStringLiteral("log"), QStringLiteral("--incident"), id,
            QStringLiteral("--channel"), QStringLiteral("pigeon"), QStringLiteral("--question"), QStringLiteral("?")}),
        ExitDataError, "invalid");
    QCOMPARE(fingerprint(), declared);
}

void TstCliBusiness::scriptedBusinessIncidentToAllClear()
{
    const QString id = QString::number(m_incident);
    CLI_OK(db({QStringLiteral("business"), QStringLiteral("declare"), QStringLiteral("--incident"), id,
               QStringLiteral("--author"), QStringLiteral("ana")}));
    // The first briefing.
    CLI_OK(db({QStringLiteral("business"), QStringLiteral("brief"), QStringLiteral("--incident"), id,
               QStringLiteral("--question"), QStringLiteral("affected-now"), QStringLiteral("--answer"),
               QStringLiteral("about 40% of logins"), QStringLiteral("--author"), QStringLiteral("cl")}));
    const CliRun questions =
        db({QStringLiteral("business"), QStringLiteral("brief"), QStringLiteral("--incident"), id});
    CLI_OK(questions);
    QCOMPARE(questions.outLines().size(), 8);
    QVERIFY(questions.out.contains("affected-now\tcl\tabout 40% of logins"));
    // Emergency operations: every campaign halted, plus one the team adds.
    const CliRun added = db({QStringLiteral("business"), QStringLiteral("add"), QStringLiteral("--incident"), id,
                             QStringLiteral("--activity"), QStringLiteral("Webinar invitations"),
                             QStringLiteral("--owner"), QStringLiteral("marketing-officer")});
    CLI_OK(added);
    QJsonArray checklist = status(m_incident).value(QStringLiteral("checklist")).toArray();
    QCOMPARE(checklist.size(), 7);
    for (const QJsonValue &a : std::as_const(checklist))
        CLI_OK(db({QStringLiteral("business"), QStringLiteral("halt"),
                   QString::number(a.toObject().value(QStringLiteral("id")).toInteger()), QStringLiteral("--author"),
                   QStringLiteral("mo")}));
    // The customer email through the whole chain, with one round of changes.
    const CliRun drafted =
        db({QStringLiteral("message"), QStringLiteral("draft"), QStringLiteral("--incident"), id,
            QStringLiteral("--audience"), QStringLiteral("customers"), QStringLiteral("--channel"),
            QStringLiteral("email"), QStringLiteral("--text"), QStringLiteral("We are investigating failed logins."),
            QStringLiteral("--author"), QStringLiteral("slt")});
    CLI_OK(drafted);
    const QString msg = QString::number(idFrom(drafted));
    // Mei enters the first review for lee, the Legal Officer.
    CLI_OK(db({QStringLiteral("message"), QStringLiteral("review"), msg, QStringLiteral("--author"),
               QStringLiteral("mei"), QStringLiteral("--for"), QStringLiteral("lee")}));
    CLI_OK(db({QStringLiteral("message"), QStringLiteral("review"), msg, QStringLiteral("--changes"),
               QStringLiteral("say 'some customers'"), QStringLiteral("--author"), QStringLiteral("mia")}));
    CLI_OK(db({QStringLiteral("message"), QStringLiteral("revise"), msg, QStringLiteral("--text"),
               QStringLiteral("Some customers cannot log in; we are on it."), QStringLiteral("--author"),
               QStringLiteral("slt")}));
    CLI_OK(db({QStringLiteral("message"), QStringLiteral("review"), msg, QStringLiteral("--as"),
               QStringLiteral("legal"), QStringLiteral("--author"), QStringLiteral("lee")}));
    CLI_OK(db({QStringLiteral("message"), QStringLiteral("review"), msg, QStringLiteral("--as"),
               QStringLiteral("messaging"), QStringLiteral("--author"), QStringLiteral("mia")}));
    // The ELT Approver cannot be reached: the IC approves in their place, on the record.
    CLI_OK(db({QStringLiteral("message"), QStringLiteral("approve"), msg, QStringLiteral("--override"),
               QStringLiteral("the ELT Approver is on a plane"), QStringLiteral("--author"), QStringLiteral("ana")}));
    CLI_OK(db({QStringLiteral("message"), QStringLiteral("authorise"), msg, QStringLiteral("--author"),
               QStringLiteral("ana")}));
    CLI_OK(
        db({QStringLiteral("message"), QStringLiteral("send"), msg, QStringLiteral("--author"), QStringLiteral("mo")}));
    const CliRun shown = db(
        {QStringLiteral("message"), QStringLiteral("show"), msg, QStringLiteral("--format"), QStringLiteral("json")});
    CLI_OK(shown);
    const QJsonObject m = shown.json().object();
    QCOMPARE(m.value(QStringLiteral("waiting_for")).toString(), QStringLiteral("sent"));
    QCOMPARE(m.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(m.value(QStringLiteral("earlier_versions")).toArray().size(), 1);
    const QJsonArray steps = m.value(QStringLiteral("steps")).toArray();
    QCOMPARE(steps.size(), 9);
    QStringList by;
    for (const QJsonValue &step : steps)
        by << step.toObject().value(QStringLiteral("by")).toString();
    QCOMPARE(by, (QStringList{QStringLiteral("slt"), QStringLiteral("lee"), QStringLiteral("mia"),
                              QStringLiteral("slt"), QStringLiteral("lee"), QStringLiteral("mia"),
                              QStringLiteral("ana"), QStringLiteral("ana"), QStringLiteral("mo")}));
    QCOMPARE(steps.at(6).toObject().value(QStringLiteral("comment")).toString(),
             QStringLiteral("IC override: the ELT Approver is on a plane"));
    const CliRun timeline = db({QStringLiteral("timeline"), QStringLiteral("--incident"), id});
    QVERIFY2(timeline.out.contains("legal review passed, by lee (Legal Officer), entered by mei"),
             timeline.out.constData());
    // Departments told.
    for (const QString &d : {QStringLiteral("engineering"), QStringLiteral("support"), QStringLiteral("Marketing"),
                             QStringLiteral("executive"), QStringLiteral("legal")})
        CLI_OK(db({QStringLiteral("notify"), QStringLiteral("--incident"), id, d, QStringLiteral("--method"),
                   QStringLiteral("chat"), QStringLiteral("--author"), QStringLiteral("il")}));
    const CliRun departments = db({QStringLiteral("notify"), QStringLiteral("--incident"), id});
    CLI_OK(departments);
    QVERIFY(departments.out.contains("facilities\toptional\t-"));
    QVERIFY(departments.out.contains("legal\tmust\t"));
    // A press question.
    const CliRun asked =
        db({QStringLiteral("inbound"), QStringLiteral("log"), QStringLiteral("--incident"), id,
            QStringLiteral("--channel"), QStringLiteral("media"), QStringLiteral("--question"),
            QStringLiteral("Was data lost?"), QStringLiteral("--from"), QStringLiteral("Daily Planet")});
    CLI_OK(asked);
    CLI_OK(db({QStringLiteral("inbound"), QStringLiteral("answer"), QString::number(idFrom(asked)),
               QStringLiteral("--answer"), QStringLiteral("No."), QStringLiteral("--author"), QStringLiteral("medo")}));
    // Monitoring: back to normal, every campaign restarted (in reverse), the all clear.
    CLI_OK(db({QStringLiteral("incident"), QStringLiteral("set"), id, QStringLiteral("--status"),
               QStringLiteral("monitoring")}));
    CLI_OK(db({QStringLiteral("business"), QStringLiteral("normal"), QStringLiteral("--incident"), id}));
    QJsonObject s = status(m_incident);
    QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("restoring"));
    checklist = s.value(QStringLiteral("checklist")).toArray();
    for (qsizetype i = checklist.size() - 1; i >= 0; --i)
        CLI_OK(db({QStringLiteral("business"), QStringLiteral("restart"),
                   checklist.at(i).toObject().value(QStringLiteral("activity")).toString(),
                   QStringLiteral("--incident"), id, QStringLiteral("--author"), QStringLiteral("mo")}));
    s = status(m_incident);
    QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("normal"));
    QVERIFY(!s.value(QStringLiteral("all_clear_at")).isNull());
    QVERIFY(s.value(QStringLiteral("analysis_timer")).toInteger() > 0);
    for (const QJsonValue &a : s.value(QStringLiteral("checklist")).toArray()) {
        QVERIFY(!a.toObject().value(QStringLiteral("halted_at")).isNull());
        QVERIFY(!a.toObject().value(QStringLiteral("restarted_at")).isNull());
    }
    QCOMPARE(s.value(QStringLiteral("grid"))
                 .toObject()
                 .value(QStringLiteral("customers"))
                 .toObject()
                 .value(QStringLiteral("investigation")),
             QJsonValue(QStringLiteral("sent")));
    QCOMPARE(s.value(QStringLiteral("open_inbound_questions")).toInt(), 0);

    // All of it on the timeline, as communication entries.
    cp::SystemClock clock;
    cp::IncidentStore store(clock);
    cp::StoreSession::Options options;
    options.mode = cp::StoreSession::OpenMode::ReadOnly;
    QVERIFY(store.session().open(m_tmp->path(), options).ok());
    cp::TimelinePage page;
    page.incidentId = m_incident;
    page.limit = 10000;
    page.oldestFirst = true;
    page.filter.kinds = {cp::EntryKind::Communication};
    auto entries = store.timeline().entries(page);
    QVERIFY(entries);
    QStringList texts;
    for (const cp::TimelineEntry &e : std::as_const(*entries))
        texts << e.text;
    const QString all = texts.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("Business incident declared")), qPrintable(all));
    QCOMPARE(all.count(QStringLiteral("Halted: ")), 7);
    QCOMPARE(all.count(QStringLiteral("Restarted: ")), 7);
    QVERIFY(all.contains(QStringLiteral("asks for changes, by mia (Messaging Officer) — say 'some customers'")));
    QVERIFY2(all.contains(QStringLiteral("final approval given, taken by the IC ana in place of the ELT Approver — IC "
                                         "override: the ELT Approver is on a plane")),
             qPrintable(all));
    QVERIFY(all.contains(QStringLiteral("distribution authorised, by ana (Incident Commander)")));
    QVERIFY(all.contains(QStringLiteral("Message #%1 sent to All customers").arg(msg)));
    QCOMPARE(all.count(QStringLiteral("Told ")), 5);
    QVERIFY(texts.last().startsWith(QStringLiteral("All clear")));
    // The restarts came last halted first.
    QVERIFY(all.indexOf(QStringLiteral("Restarted: Webinar invitations")) <
            all.indexOf(QStringLiteral("Restarted: Paid advertising")));
}

void TstCliBusiness::businessIncidentOnItsOwn()
{
    const CliRun created =
        db({QStringLiteral("business"), QStringLiteral("declare"), QStringLiteral("--title"),
            QStringLiteral("Pricing page shows wrong prices"), QStringLiteral("--severity"), QStringLiteral("SEV-2"),
            QStringLiteral("--audiences"), QStringLiteral("internal,customers,social")});
    CLI_OK(created);
    const qint64 id = idFrom(created);
    QVERIFY(id > m_incident);
    const QJsonObject s = status(id);
    QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("emergency"));
    QCOMPARE(s.value(QStringLiteral("audiences")).toArray().size(), 3);
    const CliRun shown = db({QStringLiteral("incident"), QStringLiteral("show"), QString::number(id),
                             QStringLiteral("--format"), QStringLiteral("json")});
    CLI_OK(shown);
    QVERIFY(shown.out.contains("\"business\""));
    const CliRun roles = db({QStringLiteral("roles"), QStringLiteral("--incident"), QString::number(id)});
    CLI_OK(roles);
    QVERIFY(roles.out.contains("elt-approver"));
}

QTEST_GUILESS_MAIN(TstCliBusiness)
#include "tst_clibusiness.moc"
