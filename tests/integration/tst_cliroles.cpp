// commandpost-cli's role, roster and template commands as processes: staffing a SEV-1 from the
// command line, the story that roles and timeline tell afterwards, all-or-nothing imports, and
// the refusals (one line on stderr, the documented exit code, nothing saved).

#include "clirunner.h"
#include "domain/roletemplate.h"
#include "tempdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cp::test; // CliRun, TempDatabase, the exit codes

namespace {

const QByteArray PeopleCsv = "name,handle,team,department,contact,trained_roles,trainee\n"
                             "Ana Lima,ana,SRE,engineering,+1 555 0100,ic;deputy,no\n"
                             "Bo Chen,bo,SRE,engineering,,deputy;ic,no\n"
                             "Cy Park,cy,Support,support,,scribe,no\n"
                             "Dee Ray,dee,Payments,engineering,,,no\n"
                             "Eve Stone,eve,Payments,engineering,,,yes\n"
                             "Fay Wu,fay,Ops,engineering,,scribe,no\n";

const QByteArray DepartmentsCsv = "key,name,primary_contact,oncall_rotation,escalation_path\n"
                                  "engineering,Engineering,Ana Lima,sre-primary,CTO\n"
                                  "support,Customer Support,Cy Park,support-day,Head of Support\n";

QJsonObject roleIn(const QJsonObject &roles, const QString &key)
{
    for (const QJsonValue &value : roles.value(QStringLiteral("roles")).toArray()) {
        if (value.toObject().value(QStringLiteral("key")).toString() == key)
            return value.toObject();
    }
    return {};
}

QStringList holderHandles(const QJsonObject &role)
{
    QStringList handles;
    for (const QJsonValue &holder : role.value(QStringLiteral("holders")).toArray())
        handles << holder.toObject().value(QStringLiteral("handle")).toString();
    return handles;
}

} // namespace

class TstCliRoles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void helpListsTheRoleCommands();
    void staffASev1TechnicalIncident();
    void rolesTextIndentsAndMarksVacantRequiredRoles();
    void incidentNewTemplateOption();
    void rolesApplyUnderAndSubTeams();
    void malformedCsvIsRefusedAndNothingChanges();
    void peopleAddAndDepartments();
    void unknownRolesPeopleAndTemplatesAreRefused();
    void readCommandsWorkOnAReadOnlyFile();
    void templatesListAndShowRoundTrip();

private:
    CliRun cli(const QStringList &arguments) const { return m_runner.run(arguments); }
    // cli() with --db <the test's database> first.
    CliRun db(const QStringList &arguments) const
    {
        return cli(QStringList{QStringLiteral("--db"), m_path} + arguments);
    }
    QString writeFile(const QString &name, const QByteArray &bytes) const;
    QJsonObject rolesJson(qint64 incidentId) const;
    qint64 newIncident(const QStringList &extra = {});

    CliRunner m_runner; // its XDG_DATA_HOME: user templates go there, never to the real one
    std::unique_ptr<TempDatabase> m_tmp;
    QString m_path;
};

void TstCliRoles::initTestCase()
{
    QVERIFY2(!m_runner.executable().isEmpty(), "commandpost-cli was not built next to the tests");
    QVERIFY(m_runner.isValid());
}

void TstCliRoles::init()
{
    m_tmp = std::make_unique<TempDatabase>();
    QVERIFY(m_tmp->isValid());
    m_path = m_tmp->path();
    CLI_OK(db({QStringLiteral("init")}));
}

QString TstCliRoles::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString file = QDir(m_tmp->dir()).filePath(name);
    return m_tmp->writeBytes(file, bytes) ? file : QString();
}

QJsonObject TstCliRoles::rolesJson(qint64 incidentId) const
{
    const CliRun run = db({QStringLiteral("roles"), QStringLiteral("--incident"), QString::number(incidentId),
                           QStringLiteral("--format"), QStringLiteral("json")});
    if (!run.finished || run.exitCode != 0 || !run.err.isEmpty())
        qWarning("roles failed: %s", qPrintable(run.describe()));
    return run.json().object();
}

qint64 TstCliRoles::newIncident(const QStringList &extra)
{
    const CliRun run =
        db(QStringList{QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                       QStringLiteral("Checkout down"), QStringLiteral("--severity"), QStringLiteral("SEV-1")} +
           extra);
    if (!run.finished || run.exitCode != 0) {
        qWarning("incident new failed: %s", qPrintable(run.describe()));
        return 0;
    }
    return run.out.trimmed().toLongLong();
}

void TstCliRoles::helpListsTheRoleCommands()
{
    const CliRun run = cli({QStringLiteral("--help")});
    CLI_OK(run);
    const QString help = QString::fromUtf8(run.out);
    for (const char *word : {"--template", "roles --incident", "roles apply", "assign --incident", "handover",
                             "release", "take-command", "subteam add", "people list", "people add", "people import",
                             "departments list", "templates list", "templates show"})
        QVERIFY2(help.contains(QLatin1String(word)), word);
    struct Topic
    {
        QStringList words;
        QByteArray usage;
    };
    const QList<Topic> topics{
        {{QStringLiteral("roles")}, "Usage: commandpost-cli roles --incident ID"},
        {{QStringLiteral("roles"), QStringLiteral("apply")}, "Usage: commandpost-cli roles apply --incident ID"},
        {{QStringLiteral("assign")}, "Usage: commandpost-cli assign --incident ID --role KEY --person WHO"},
        {{QStringLiteral("take-command")}, "Usage: commandpost-cli take-command --incident ID"},
        {{QStringLiteral("subteam"), QStringLiteral("add")}, "Usage: commandpost-cli subteam add --incident ID"},
        {{QStringLiteral("people"), QStringLiteral("import")}, "Usage: commandpost-cli people import FILE.csv"},
        {{QStringLiteral("people")}, "Usage: commandpost-cli people list|add|import"},
        {{QStringLiteral("templates"), QStringLiteral("show")}, "Usage: commandpost-cli templates show KEY"},
    };
    for (const Topic &topic : topics) {
        const CliRun viaHelp = cli(QStringList{QStringLiteral("help")} + topic.words);
        CLI_OK(viaHelp);
        QVERIFY2(viaHelp.out.startsWith(topic.usage), viaHelp.out.constData());
    }
}

void TstCliRoles::staffASev1TechnicalIncident()
{
    const QString people = writeFile(QStringLiteral("people.csv"), PeopleCsv);
    const CliRun imported = db({QStringLiteral("people"), QStringLiteral("import"), people});
    CLI_OK(imported);
    QCOMPARE(imported.out, QByteArray("6\n"));

    const qint64 id = newIncident({QStringLiteral("--author"), QStringLiteral("ana")});
    QVERIFY(id > 0);
    const QString incident = QString::number(id);
    // Declared with the technical template: the command roles are there, vacant.
    QJsonObject roles = rolesJson(id);
    QCOMPARE(roles.value(QStringLiteral("roles")).toArray().size(), 6);
    QCOMPARE(roles.value(QStringLiteral("vacant_required")).toArray(),
             QJsonArray({QStringLiteral("ic"), QStringLiteral("deputy"), QStringLiteral("scribe")}));
    QCOMPARE(roles.value(QStringLiteral("topic")).toString(), QString());

    // Staff it: by handle, by full name, by the unique start of a name.
    const QList<std::pair<QString, QString>> staffing{{QStringLiteral("ic"), QStringLiteral("ana")},
                                                      {QStringLiteral("deputy"), QStringLiteral("Bo Chen")},
                                                      {QStringLiteral("scribe"), QStringLiteral("cy")},
                                                      {QStringLiteral("sme"), QStringLiteral("dee")},
                                                      {QStringLiteral("sme"), QStringLiteral("Eve")}};
    QSet<qint64> assignmentIds;
    for (const auto &[role, person] : staffing) {
        const CliRun assigned =
            db({QStringLiteral("assign"), QStringLiteral("--incident"), incident, QStringLiteral("--role"), role,
                QStringLiteral("--person"), person, QStringLiteral("--author"), QStringLiteral("ana")});
        CLI_OK(assigned);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^[1-9][0-9]*\n$")).match(QString::fromUtf8(assigned.out)).hasMatch(),
            assigned.out.constData());
        assignmentIds.insert(assigned.out.trimmed().toLongLong());
    }
    QCOMPARE(assignmentIds.size(), 5);

    const CliRun handOver = db({QStringLiteral("handover"), QStringLiteral("--incident"), incident,
                                QStringLiteral("--role"), QStringLiteral("scribe"), QStringLiteral("--to"),
                                QStringLiteral("fay"), QStringLiteral("--author"), QStringLiteral("ana")});
    CLI_OK(handOver);
    QVERIFY(handOver.out.isEmpty());
    const CliRun released = db({QStringLiteral("release"), QStringLiteral("--incident"), incident,
                                QStringLiteral("--role"), QStringLiteral("sme"), QStringLiteral("--person"),
                                QStringLiteral("eve"), QStringLiteral("--author"), QStringLiteral("ana")});
    CLI_OK(released);
    QVERIFY(released.out.isEmpty());

    const CliRun taken =
        db({QStringLiteral("take-command"), QStringLiteral("--incident"), incident,
            QStringLiteral("--outgoing-becomes-deputy"), QStringLiteral("--author"), QStringLiteral("bo")});
    CLI_OK(taken);
    const QString catchUp = QString::fromUtf8(taken.out);
    QVERIFY2(catchUp.startsWith(QStringLiteral("Catch-up for the incoming commander — incident #%1").arg(id)),
             qPrintable(catchUp));
    QVERIFY2(catchUp.contains(QStringLiteral("Incident Commander: Bo Chen")), qPrintable(catchUp));
    QVERIFY2(catchUp.contains(QStringLiteral("Deputy: Ana Lima")), qPrintable(catchUp));
    QVERIFY2(catchUp.contains(QStringLiteral("Scribe: Fay Wu")), qPrintable(catchUp));

    // roles --format json tells the story: who holds what now, and every stretch.
    roles = rolesJson(id);
    QCOMPARE(roles.value(QStringLiteral("incident")).toInteger(), id);
    QCOMPARE(holderHandles(roleIn(roles, QStringLiteral("ic"))), QStringList{QStringLiteral("bo")});
    QCOMPARE(holderHandles(roleIn(roles, QStringLiteral("deputy"))), QStringList{QStringLiteral("ana")});
    QCOMPARE(holderHandles(roleIn(roles, QStringLiteral("scribe"))), QStringList{QStringLiteral("fay")});
    QCOMPARE(holderHandles(roleIn(roles, QStringLiteral("sme"))), QStringList{QStringLiteral("dee")});
    QCOMPARE(roles.value(QStringLiteral("vacant_required")).toArray(), QJsonArray());
    QCOMPARE(roles.value(QStringLiteral("topic")).toString(),
             QStringLiteral("IC: Bo · Deputy: Ana · Scribe: Fay · SME: Dee"));
    const QJsonObject ic = roleIn(roles, QStringLiteral("ic"));
    QCOMPARE(ic.value(QStringLiteral("parent")), QJsonValue());
    QCOMPARE(ic.value(QStringLiteral("depth")).toInt(), 0);
    QCOMPARE(ic.value(QStringLiteral("required")).toBool(), true);
    const QJsonObject liaison = roleIn(roles, QStringLiteral("customer-liaison"));
    QCOMPARE(liaison.value(QStringLiteral("parent")).toString(), QStringLiteral("ic"));
    QCOMPARE(liaison.value(QStringLiteral("depth")).toInt(), 1);
    QCOMPARE(liaison.value(QStringLiteral("vacant")).toBool(), true);
    QCOMPARE(liaison.value(QStringLiteral("required")).toBool(), false);
    QCOMPARE(roleIn(roles, QStringLiteral("sme")).value(QStringLiteral("multiple")).toBool(), true);

    QStringList stretches; // role:person:end reason
    for (const QJsonValue &value : roles.value(QStringLiteral("history")).toArray()) {
        const QJsonObject a = value.toObject();
        stretches << QStringLiteral("%1:%2:%3")
                         .arg(a.value(QStringLiteral("role")).toString(), a.value(QStringLiteral("person")).toString(),
                              a.value(QStringLiteral("end_reason")).toString(QStringLiteral("-")));
    }
    QCOMPARE(stretches,
             (QStringList{QStringLiteral("ic:Ana Lima:handed-over"), QStringLiteral("deputy:Bo Chen:handed-over"),
                          QStringLiteral("scribe:Cy Park:handed-over"), QStringLiteral("sme:Dee Ray:-"),
                          QStringLiteral("sme:Eve Stone:released"), QStringLiteral("scribe:Fay Wu:-"),
                          QStringLiteral("deputy:Ana Lima:-"), QStringLiteral("ic:Bo Chen:-")}));

    // … and so does the timeline, in order, by the people who did it.
    const CliRun timeline = db({QStringLiteral("timeline"), QStringLiteral("--incident"), incident,
                                QStringLiteral("--format"), QStringLiteral("json")});
    CLI_OK(timeline);
    QStringList story;
    for (const QJsonValue &value : timeline.json().object().value(QStringLiteral("entries")).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("kind")).toString() == QLatin1String("role"))
            story << entry.value(QStringLiteral("author")).toString() + QLatin1Char('|') +
                         entry.value(QStringLiteral("text")).toString();
    }
    QCOMPARE(story.size(), 9);
    QVERIFY2(story.at(0).startsWith(QStringLiteral("ana|Role structure: Technical incident response")),
             qPrintable(story.at(0)));
    QCOMPARE(
        story.mid(1),
        (QStringList{QStringLiteral("ana|Ana Lima is Incident Commander"), QStringLiteral("ana|Bo Chen is Deputy"),
                     QStringLiteral("ana|Cy Park is Scribe"), QStringLiteral("ana|Dee Ray is Subject Matter Expert"),
                     QStringLiteral("ana|Eve Stone is Subject Matter Expert"),
                     QStringLiteral("ana|Scribe handed over: Cy Park → Fay Wu"),
                     QStringLiteral("ana|Eve Stone released from Subject Matter Expert"),
                     QStringLiteral("bo|Bo Chen takes command as Incident Commander; Ana Lima "
                                    "becomes Deputy")}));
}

void TstCliRoles::rolesTextIndentsAndMarksVacantRequiredRoles()
{
    CLI_OK(db({QStringLiteral("people"), QStringLiteral("import"), writeFile(QStringLiteral("p.csv"), PeopleCsv)}));
    const qint64 id = newIncident();
    QVERIFY(id > 0);
    CLI_OK(db({QStringLiteral("assign"), QStringLiteral("--incident"), QString::number(id), QStringLiteral("--role"),
               QStringLiteral("ic"), QStringLiteral("--person"), QStringLiteral("ana")}));
    CLI_OK(db({QStringLiteral("assign"), QStringLiteral("--incident"), QString::number(id), QStringLiteral("--role"),
               QStringLiteral("sme"), QStringLiteral("--person"), QStringLiteral("dee")}));
    const CliRun run = db({QStringLiteral("roles"), QStringLiteral("--incident"), QString::number(id)});
    CLI_OK(run);
    QCOMPARE(run.outLines(), (QStringList{QStringLiteral("ic\tIncident Commander\tAna Lima (ana)"),
                                          QStringLiteral("  deputy\tDeputy\tVACANT (required)"),
                                          QStringLiteral("  scribe\tScribe\tVACANT (required)"),
                                          QStringLiteral("  customer-liaison\tCustomer Liaison\tvacant"),
                                          QStringLiteral("  internal-liaison\tInternal Liaison\tvacant"),
                                          QStringLiteral("  sme\tSubject Matter Expert\tDee Ray (dee)"),
                                          QStringLiteral("topic\tIC: Ana · SME: Dee")}));
}

void TstCliRoles::incidentNewTemplateOption()
{
    // No roles at all: only the topic line, and a timeline with only the declaration.
    const qint64 bare = newIncident({QStringLiteral("--template"), QStringLiteral("none")});
    QVERIFY(bare > 0);
    const CliRun none = db({QStringLiteral("roles"), QStringLiteral("--incident"), QString::number(bare)});
    CLI_OK(none);
    QCOMPARE(none.out, QByteArray("topic\t\n"));
    const CliRun timeline = db({QStringLiteral("timeline"), QStringLiteral("--incident"), QString::number(bare)});
    CLI_OK(timeline);
    QCOMPARE(timeline.outLines().size(), 1);

    // A business incident starts with the business tree; a named template wins over the kind.
    const qint64 business = newIncident({QStringLiteral("--kind"), QStringLiteral("business")});
    QVERIFY(business > 0);
    QCOMPARE(rolesJson(business).value(QStringLiteral("vacant_required")).toArray().first().toString(),
             QStringLiteral("business-lead"));
    const qint64 light = newIncident({QStringLiteral("--kind"), QStringLiteral("business"),
                                      QStringLiteral("--template"), QStringLiteral("lightweight")});
    QVERIFY(light > 0);
    const QJsonObject roles = rolesJson(light);
    QCOMPARE(roles.value(QStringLiteral("roles")).toArray().size(), 4);
    QVERIFY(!roleIn(roles, QStringLiteral("incident-manager")).isEmpty());
    // Security and PR incidents use the technical structure.
    const qint64 security = newIncident({QStringLiteral("--kind"), QStringLiteral("security")});
    QVERIFY(!roleIn(rolesJson(security), QStringLiteral("scribe")).isEmpty());
}

void TstCliRoles::rolesApplyUnderAndSubTeams()
{
    CLI_OK(db({QStringLiteral("people"), QStringLiteral("import"), writeFile(QStringLiteral("p.csv"), PeopleCsv)}));
    const qint64 id = newIncident();
    QVERIFY(id > 0);
    const QString incident = QString::number(id);
    const CliRun applied = db({QStringLiteral("roles"), QStringLiteral("apply"), QStringLiteral("--incident"), incident,
                               QStringLiteral("--template"), QStringLiteral("business-response"),
                               QStringLiteral("--under"), QStringLiteral("ic")});
    CLI_OK(applied);
    QVERIFY(applied.out.isEmpty());
    QJsonObject roles = rolesJson(id);
    QCOMPARE(roles.value(QStringLiteral("roles")).toArray().size(), 16);
    const QJsonObject lead = roleIn(roles, QStringLiteral("business-lead"));
    QCOMPARE(lead.value(QStringLiteral("parent")).toString(), QStringLiteral("ic"));
    QCOMPARE(lead.value(QStringLiteral("depth")).toInt(), 1);
    QCOMPARE(roleIn(roles, QStringLiteral("legal-officer")).value(QStringLiteral("depth")).toInt(), 2);
    // Applying it again adds nothing.
    CLI_OK(db({QStringLiteral("roles"), QStringLiteral("apply"), QStringLiteral("--incident"), incident,
               QStringLiteral("--template"), QStringLiteral("business-response")}));
    QCOMPARE(rolesJson(id).value(QStringLiteral("roles")).toArray().size(), 16);
    CLI_FAILS_SILENTLY(db({QStringLiteral("roles"), QStringLiteral("apply"), QStringLiteral("--incident"), incident,
                           QStringLiteral("--template"), QStringLiteral("lightweight"), QStringLiteral("--under"),
                           QStringLiteral("nope")}),
                       ExitNotFound, "not-found");

    // A sub-team prints its role keys, which assign takes.
    const CliRun team = db({QStringLiteral("subteam"), QStringLiteral("add"), QStringLiteral("--incident"), incident,
                            QStringLiteral("--name"), QStringLiteral("Alpha")});
    CLI_OK(team);
    QCOMPARE(team.outLines(), (QStringList{QStringLiteral("alpha-lead"), QStringLiteral("alpha-member")}));
    CLI_OK(db({QStringLiteral("assign"), QStringLiteral("--incident"), incident, QStringLiteral("--role"),
               QStringLiteral("alpha-lead"), QStringLiteral("--person"), QStringLiteral("dee")}));
    roles = rolesJson(id);
    QCOMPARE(roleIn(roles, QStringLiteral("alpha-member")).value(QStringLiteral("sub_team")).toString(),
             QStringLiteral("Alpha"));
    QCOMPARE(holderHandles(roleIn(roles, QStringLiteral("alpha-lead"))), QStringList{QStringLiteral("dee")});
    CLI_FAILS_SILENTLY(db({QStringLiteral("subteam"), QStringLiteral("add"), QStringLiteral("--incident"), incident,
                           QStringLiteral("--name"), QStringLiteral("Alpha")}),
                       ExitDataError, "invalid");
}

void TstCliRoles::malformedCsvIsRefusedAndNothingChanges()
{
    CLI_OK(db({QStringLiteral("people"), QStringLiteral("import"), writeFile(QStringLiteral("p.csv"), PeopleCsv)}));
    const CliRun before = db({QStringLiteral("people"), QStringLiteral("list")});
    CLI_OK(before);
    QCOMPARE(before.outLines().size(), 6);
    const QByteArray fingerprint = TempDatabase::fingerprint(m_path);

    // Line 2 is a good new person and an update; line 3 has a handle of two words.
    const QString bad = writeFile(QStringLiteral("bad.csv"), "name,handle,team\n"
                                                             "Gus Hill,gus,SRE\n"
                                                             "Hal Ito,hal ito,SRE\n"
                                                             "Ana Lima,ana,Moved\n");
    const CliRun refused = db({QStringLiteral("people"), QStringLiteral("import"), bad});
    CLI_FAILS_SILENTLY(refused, ExitDataError, "invalid");
    QVERIFY2(refused.err.contains("line 3"), refused.err.constData());
    QVERIFY2(refused.err.contains("bad.csv"), refused.err.constData());
    const CliRun after = db({QStringLiteral("people"), QStringLiteral("list")});
    CLI_OK(after);
    QCOMPARE(after.out, before.out);
    QCOMPARE(TempDatabase::fingerprint(m_path), fingerprint);

    // An unknown column is refused as well (a typo must not drop data), as is an empty file.
    CLI_FAILS_SILENTLY(db({QStringLiteral("people"), QStringLiteral("import"),
                           writeFile(QStringLiteral("typo.csv"), "name,handel\nAna,ana\n")}),
                       ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(
        db({QStringLiteral("people"), QStringLiteral("import"), writeFile(QStringLiteral("empty.csv"), "")}),
        ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(db({QStringLiteral("people"), QStringLiteral("import"),
                           QDir(m_tmp->dir()).filePath(QStringLiteral("missing.csv"))}),
                       ExitNotFound, "file-missing");
    CLI_FAILS_SILENTLY(db({QStringLiteral("people"), QStringLiteral("import")}), ExitUsage, "usage");
    QCOMPARE(TempDatabase::fingerprint(m_path), fingerprint);

    // A good update replaces by handle; csv output reads back in.
    const CliRun csv =
        db({QStringLiteral("people"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")});
    CLI_OK(csv);
    QVERIFY(csv.out.startsWith("name,handle,team,department,contact,trained_roles,trainee\r\n")); // RFC 4180
    const CliRun again =
        db({QStringLiteral("people"), QStringLiteral("import"), writeFile(QStringLiteral("again.csv"), csv.out)});
    CLI_OK(again);
    QCOMPARE(again.out, QByteArray("6\n"));
    const CliRun unchanged = db({QStringLiteral("people"), QStringLiteral("list")});
    CLI_OK(unchanged);
    QCOMPARE(unchanged.out, before.out);
}

void TstCliRoles::peopleAddAndDepartments()
{
    const CliRun added = db({QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"),
                             QStringLiteral("Ivy Jones"), QStringLiteral("--handle"), QStringLiteral("ivy"),
                             QStringLiteral("--team"), QStringLiteral("SRE"), QStringLiteral("--department"),
                             QStringLiteral("engineering"), QStringLiteral("--contact"), QStringLiteral("@ivy"),
                             QStringLiteral("--trained"), QStringLiteral("ic, Deputy"), QStringLiteral("--trainee")});
    CLI_OK(added);
    QVERIFY2(QRegularExpression(QStringLiteral("^[1-9][0-9]*\n$")).match(QString::fromUtf8(added.out)).hasMatch(),
             added.out.constData());
    const CliRun list =
        db({QStringLiteral("people"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    CLI_OK(list);
    const QJsonArray people = list.json().array();
    QCOMPARE(people.size(), 1);
    const QJsonObject ivy = people.first().toObject();
    QCOMPARE(ivy.value(QStringLiteral("id")).toInteger(), added.out.trimmed().toLongLong());
    QCOMPARE(ivy.value(QStringLiteral("handle")).toString(), QStringLiteral("ivy"));
    QCOMPARE(ivy.value(QStringLiteral("department")).toString(), QStringLiteral("engineering"));
    QCOMPARE(ivy.value(QStringLiteral("trained_roles")).toArray(),
             QJsonArray({QStringLiteral("ic"), QStringLiteral("deputy")}));
    QCOMPARE(ivy.value(QStringLiteral("trainee")).toBool(), true);
    const CliRun text = db({QStringLiteral("people"), QStringLiteral("list")});
    CLI_OK(text);
    QCOMPARE(text.out, QByteArray("ivy\tIvy Jones\tSRE\tengineering\t@ivy\tic,deputy\tyes\n"));

    // A taken handle (any case) and a handle of two words are refused.
    CLI_FAILS_SILENTLY(db({QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"),
                           QStringLiteral("Other"), QStringLiteral("--handle"), QStringLiteral("IVY")}),
                       ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(db({QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"),
                           QStringLiteral("Other"), QStringLiteral("--handle"), QStringLiteral("two words")}),
                       ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(
        db({QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Other")}),
        ExitUsage, "usage");

    // Departments: imported from their own file, told apart by the header.
    const CliRun imported = db({QStringLiteral("people"), QStringLiteral("import"),
                                writeFile(QStringLiteral("departments.csv"), DepartmentsCsv)});
    CLI_OK(imported);
    QCOMPARE(imported.out, QByteArray("2\n"));
    const CliRun departments = db({QStringLiteral("departments"), QStringLiteral("list")});
    CLI_OK(departments);
    QCOMPARE(departments.outLines(),
             (QStringList{QStringLiteral("support\tCustomer Support\tCy Park\tsupport-day\tHead of Support"),
                          QStringLiteral("engineering\tEngineering\tAna Lima\tsre-primary\tCTO")}));
    const CliRun json =
        db({QStringLiteral("departments"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    CLI_OK(json);
    QCOMPARE(json.json().array().size(), 2);
    QCOMPARE(json.json().array().at(1).toObject().value(QStringLiteral("escalation_path")).toString(),
             QStringLiteral("CTO"));
    const CliRun csv =
        db({QStringLiteral("departments"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("csv")});
    CLI_OK(csv);
    QVERIFY(csv.out.startsWith("key,name,primary_contact,oncall_rotation,escalation_path\r\n")); // RFC 4180
    CLI_FAILS_SILENTLY(
        db({QStringLiteral("departments"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml")}),
        ExitUsage, "usage");
}

void TstCliRoles::unknownRolesPeopleAndTemplatesAreRefused()
{
    CLI_OK(db({QStringLiteral("people"), QStringLiteral("import"), writeFile(QStringLiteral("p.csv"), PeopleCsv)}));
    const qint64 id = newIncident();
    QVERIFY(id > 0);
    const QString incident = QString::number(id);
    auto assign = [&](const QString &role, const QString &person) {
        return db({QStringLiteral("assign"), QStringLiteral("--incident"), incident, QStringLiteral("--role"), role,
                   QStringLiteral("--person"), person});
    };
    CLI_FAILS_SILENTLY(assign(QStringLiteral("nope"), QStringLiteral("ana")), ExitNotFound, "not-found");
    CLI_FAILS_SILENTLY(assign(QStringLiteral("ic"), QStringLiteral("zed")), ExitNotFound, "not-found");
    // A start of a name or handle that fits two people (ana, anders) is ambiguous.
    const CliRun ambiguous = db({QStringLiteral("people"), QStringLiteral("add"), QStringLiteral("--name"),
                                 QStringLiteral("Anders Berg"), QStringLiteral("--handle"), QStringLiteral("anders")});
    CLI_OK(ambiguous);
    CLI_FAILS_SILENTLY(assign(QStringLiteral("ic"), QStringLiteral("an")), ExitDataError, "invalid");
    CLI_OK(assign(QStringLiteral("ic"), QStringLiteral("ana")));
    CLI_FAILS_SILENTLY(assign(QStringLiteral("ic"), QStringLiteral("bo")), ExitDataError,
                       "invalid"); // hand it over instead
    CLI_FAILS_SILENTLY(assign(QStringLiteral("ic"), QStringLiteral("ana")), ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(db({QStringLiteral("release"), QStringLiteral("--incident"), incident, QStringLiteral("--role"),
                           QStringLiteral("ic"), QStringLiteral("--person"), QStringLiteral("bo")}),
                       ExitDataError, "invalid");
    CLI_FAILS_SILENTLY(db({QStringLiteral("handover"), QStringLiteral("--incident"), incident, QStringLiteral("--role"),
                           QStringLiteral("scribe"), QStringLiteral("--to"), QStringLiteral("cy")}),
                       ExitDataError, "invalid"); // vacant: assign it instead
    CLI_FAILS_SILENTLY(db({QStringLiteral("handover"), QStringLiteral("--incident"), incident, QStringLiteral("--role"),
                           QStringLiteral("ic"), QStringLiteral("--to"), QStringLiteral("nobody")}),
                       ExitNotFound, "not-found");
    CLI_FAILS_SILENTLY(db({QStringLiteral("take-command"), QStringLiteral("--incident"), incident}), ExitDataError,
                       "invalid"); // the Deputy is vacant
    CLI_FAILS_SILENTLY(db({QStringLiteral("roles"), QStringLiteral("--incident"), QStringLiteral("999")}), ExitNotFound,
                       "not-found");
    CLI_FAILS_SILENTLY(db({QStringLiteral("take-command"), QStringLiteral("--incident"), QStringLiteral("999")}),
                       ExitNotFound, "not-found");
    CLI_FAILS_SILENTLY(db({QStringLiteral("assign"), QStringLiteral("--incident"), incident, QStringLiteral("--role"),
                           QStringLiteral("sme"), QStringLiteral("--person"), QStringLiteral("dee"),
                           QStringLiteral("--author"), QString()}),
                       ExitDataError, "invalid");

    // Usage errors name the command's --help.
    const QList<QStringList> usage{
        {QStringLiteral("assign"), QStringLiteral("--incident"), incident, QStringLiteral("--person"),
         QStringLiteral("ana")},
        {QStringLiteral("assign"), QStringLiteral("--incident"), QStringLiteral("x"), QStringLiteral("--role"),
         QStringLiteral("ic"), QStringLiteral("--person"), QStringLiteral("ana")},
        {QStringLiteral("roles")},
        {QStringLiteral("roles"), QStringLiteral("--incident"), incident, QStringLiteral("--format"),
         QStringLiteral("csv")},
        {QStringLiteral("handover"), QStringLiteral("--incident"), incident, QStringLiteral("--role"),
         QStringLiteral("ic")},
        {QStringLiteral("subteam"), QStringLiteral("remove")},
        {QStringLiteral("people"), QStringLiteral("list"), QStringLiteral("extra")},
        {QStringLiteral("templates")},
        {QStringLiteral("take-command"), QStringLiteral("--incident"), incident, QStringLiteral("--bogus")},
    };
    for (const QStringList &arguments : usage) {
        const CliRun run = db(arguments);
        CLI_FAILS_SILENTLY(run, ExitUsage, "usage");
        QVERIFY2(run.err.contains("--help)"), run.err.constData());
    }

    // An unknown template is refused before anything is written.
    const CliRun listBefore = db({QStringLiteral("incident"), QStringLiteral("list")});
    CLI_FAILS_SILENTLY(db({QStringLiteral("incident"), QStringLiteral("new"), QStringLiteral("--title"),
                           QStringLiteral("x"), QStringLiteral("--severity"), QStringLiteral("SEV-2"),
                           QStringLiteral("--template"), QStringLiteral("no-such-template")}),
                       ExitNotFound, "not-found");
    CLI_FAILS_SILENTLY(db({QStringLiteral("roles"), QStringLiteral("apply"), QStringLiteral("--incident"), incident,
                           QStringLiteral("--template"), QStringLiteral("no-such-template")}),
                       ExitNotFound, "not-found");
    QCOMPARE(db({QStringLiteral("incident"), QStringLiteral("list")}).out, listBefore.out);
}

void TstCliRoles::readCommandsWorkOnAReadOnlyFile()
{
    CLI_OK(db({QStringLiteral("people"), QStringLiteral("import"), writeFile(QStringLiteral("p.csv"), PeopleCsv)}));
    const qint64 id = newIncident();
    QVERIFY(id > 0);
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ReadUser));
    const QByteArray fingerprint = TempDatabase::fingerprint(m_path);
    CLI_OK(db({QStringLiteral("roles"), QStringLiteral("--incident"), QString::number(id)}));
    CLI_OK(db({QStringLiteral("people"), QStringLiteral("list")}));
    CLI_OK(db({QStringLiteral("departments"), QStringLiteral("list")}));
    CLI_FAILS_SILENTLY(
        db({QStringLiteral("assign"), QStringLiteral("--incident"), QString::number(id), QStringLiteral("--role"),
            QStringLiteral("ic"), QStringLiteral("--person"), QStringLiteral("ana")}),
        ExitCannotWrite, "read-only");
    QCOMPARE(TempDatabase::fingerprint(m_path), fingerprint);
    QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner));
}

void TstCliRoles::templatesListAndShowRoundTrip()
{
    const QStringList builtIns{QStringLiteral("technical-response"), QStringLiteral("business-response"),
                               QStringLiteral("incident-manager"), QStringLiteral("lightweight")};
    const CliRun list =
        cli({QStringLiteral("templates"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    CLI_OK(list);
    QStringList keys;
    for (const QJsonValue &value : list.json().array()) {
        const QJsonObject t = value.toObject();
        keys << t.value(QStringLiteral("key")).toString();
        QVERIFY(t.value(QStringLiteral("built_in")).toBool());
        // show --format json is the template file format: it reads back with the same roles.
        const CliRun shown = cli({QStringLiteral("templates"), QStringLiteral("show"), keys.constLast(),
                                  QStringLiteral("--format"), QStringLiteral("json")});
        CLI_OK(shown);
        QString error;
        const auto parsed = cp::RoleTemplateFormat::fromJson(shown.out, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(parsed->key, keys.constLast());
        QCOMPARE(int(parsed->roles.size()), t.value(QStringLiteral("roles")).toInt());
        QCOMPARE(cp::RoleTemplateFormat::toJson(*parsed), shown.out);
    }
    QCOMPARE(keys, builtIns);
    const CliRun text = cli({QStringLiteral("templates"), QStringLiteral("list")});
    CLI_OK(text);
    QCOMPARE(text.outLines().first(), QStringLiteral("technical-response\tTechnical incident response\t6\tbuilt-in"));

    // A user template (a file in the user's folder) is listed, shown and usable.
    const CliRun lightweight = cli({QStringLiteral("templates"), QStringLiteral("show"), QStringLiteral("lightweight"),
                                    QStringLiteral("--format"), QStringLiteral("json")});
    QString error;
    auto drill = cp::RoleTemplateFormat::fromJson(lightweight.out, &error);
    QVERIFY2(drill.has_value(), qPrintable(error));
    drill->key = QStringLiteral("drill");
    drill->name = QStringLiteral("Drill");
    const QString folder = m_runner.homePath(QStringLiteral("data/CommandPost/commandpost/templates"));
    QVERIFY(QDir().mkpath(folder));
    QFile file(QDir(folder).filePath(QStringLiteral("drill.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(cp::RoleTemplateFormat::toJson(*drill)) > 0);
    file.close();
    const CliRun withUser = cli({QStringLiteral("templates"), QStringLiteral("list")});
    CLI_OK(withUser);
    QCOMPARE(withUser.outLines().constLast(), QStringLiteral("drill\tDrill\t4\tuser"));
    const CliRun shown = cli({QStringLiteral("templates"), QStringLiteral("show"), QStringLiteral("drill")});
    CLI_OK(shown);
    QVERIFY2(shown.out.startsWith("key\tdrill\nname\tDrill\nkind\tuser\n"), shown.out.constData());
    QVERIFY2(shown.out.contains("\nincident-manager\tIncident manager\tIM\trequired\tone\n  tech-lead\t"),
             shown.out.constData());
    const qint64 id = newIncident({QStringLiteral("--template"), QStringLiteral("drill")});
    QVERIFY(id > 0);
    QCOMPARE(rolesJson(id).value(QStringLiteral("roles")).toArray().size(), 4);
    QVERIFY(QFile::remove(file.fileName()));

    CLI_FAILS_SILENTLY(cli({QStringLiteral("templates"), QStringLiteral("show"), QStringLiteral("nope")}), ExitNotFound,
                       "not-found");
    CLI_FAILS_SILENTLY(cli({QStringLiteral("templates"), QStringLiteral("show")}), ExitUsage, "usage");
}

QTEST_GUILESS_MAIN(TstCliRoles)
#include "tst_cliroles.moc"
