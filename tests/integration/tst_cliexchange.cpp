// commandpost-cli export / import / postmortem as processes: every export format of a realistic
// incident (PDFs read back with pdftotext when it is installed), the JSON round trip through two
// databases, and the refusals of a bad import, which change nothing.

#include "clirunner.h"
#include "db/incidentstore.h"
#include "fakeclock.h"
#include "sampleincident.h"
#include "tempdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

using namespace cp;
using namespace cp::test;

class TstCliExchange : public QObject
{
    Q_OBJECT

private:
    CliRunner m_cli;
    std::unique_ptr<TempDatabase> m_tmp;
    QString m_incident;

    CliRun db(const QStringList &arguments, const QString &path = QString()) const
    {
        return m_cli.run(QStringList{QStringLiteral("--db"), path.isEmpty() ? m_tmp->path() : path} + arguments);
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!m_cli.executable().isEmpty(), "commandpost-cli was not built next to the tests");
        m_tmp = std::make_unique<TempDatabase>();
        FakeClock clock(QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC));
        IncidentStore store(clock);
        QVERIFY(store.session().open(m_tmp->path()).ok());
        const qint64 id = SampleIncident::create(store, clock);
        QVERIFY(id > 0);
        m_incident = QString::number(id);
    }

    void exportsEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("md") << QStringLiteral("md") << QByteArray("# Postmortem: Checkout events stuck");
        QTest::newRow("html") << QStringLiteral("html") << QByteArray("<!DOCTYPE html>");
        QTest::newRow("json") << QStringLiteral("json") << QByteArray("{\n  \"format\": \"commandpost-incident\"");
        QTest::newRow("csv") << QStringLiteral("csv") << QByteArray("id,occurred_at,captured_at,kind");
        QTest::newRow("pdf") << QStringLiteral("pdf") << QByteArray("%PDF-");
        QTest::newRow("ics201") << QStringLiteral("ics201") << QByteArray("%PDF-");
        QTest::newRow("ics207") << QStringLiteral("ics207") << QByteArray("%PDF-");
        QTest::newRow("ics214") << QStringLiteral("ics214") << QByteArray("%PDF-");
    }

    void exportsEveryFormat()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, start);
        const QString file = m_tmp->path(QStringLiteral("export.") + format);
        CLI_OK(db({QStringLiteral("export"), QStringLiteral("--incident"), m_incident, QStringLiteral("--format"),
                   format, QStringLiteral("-o"), file}));
        const QByteArray bytes = readFile(file);
        QVERIFY2(bytes.startsWith(start), bytes.left(80).constData());
        if (!bytes.startsWith("%PDF"))
            return;
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text is checked in tst_incidentreport");
        QProcess process;
        process.start(pdftotext, {file, QStringLiteral("-")});
        QVERIFY(process.waitForFinished(CliTimeoutMs));
        const QString text = QString::fromUtf8(process.readAllStandardOutput()).simplified();
        QVERIFY2(text.contains(QStringLiteral("Checkout events stuck")), qPrintable(text.left(300)));
        QVERIFY2(text.contains(QStringLiteral("Page 1 of")), qPrintable(text.left(300)));
        // A text layer that search and copy can use: plain letters, no "ﬁ" ligatures.
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("[\\x{FB00}-\\x{FB06}]"))),
                 qPrintable(text.left(300)));
        if (format == QLatin1String("ics214"))
            QVERIFY(text.contains(QStringLiteral("fix in place")));
    }

    void exportToStandardOutput()
    {
        const CliRun run = db({QStringLiteral("export"), QStringLiteral("--incident"), m_incident,
                               QStringLiteral("--format"), QStringLiteral("markdown")});
        CLI_OK(run);
        QVERIFY(run.out.contains("## Timeline of key events"));
    }

    void jsonRoundTripsThroughTwoDatabases()
    {
        const QString first = m_tmp->path(QStringLiteral("first.json"));
        CLI_OK(db({QStringLiteral("export"), QStringLiteral("--incident"), m_incident, QStringLiteral("--format"),
                   QStringLiteral("json"), QStringLiteral("-o"), first}));
        const QString other = m_tmp->path(QStringLiteral("other.sqlite"));
        CLI_OK(db({QStringLiteral("init")}, other));
        const CliRun imported = db({QStringLiteral("import"), first}, other);
        CLI_OK(imported);
        const QString id = QString::fromUtf8(imported.out).trimmed();
        QCOMPARE(id, QStringLiteral("1"));
        const CliRun again = db({QStringLiteral("export"), QStringLiteral("--incident"), id, QStringLiteral("--format"),
                                 QStringLiteral("json")},
                                other);
        CLI_OK(again);
        QCOMPARE(again.out, readFile(first));
        // The sample behind docs/screenshots/ics201.png: CP_SAMPLE_JSON=FILE keeps a copy.
        if (const QString keep = qEnvironmentVariable("CP_SAMPLE_JSON"); !keep.isEmpty()) {
            QFile::remove(keep);
            QVERIFY(QFile::copy(first, keep));
        }
        // Into the database it came from: a second incident, the same document.
        const CliRun copy = db({QStringLiteral("import"), first});
        CLI_OK(copy);
        QVERIFY(QString::fromUtf8(copy.out).trimmed() != m_incident);
    }

    void badImportsChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("place");
        QTest::newRow("truncated") << QByteArray(
                                          "{\"format\": \"commandpost-incident\", \"version\": 1, \"incident\": {")
                                   << QStringLiteral("line 1, column");
        QTest::newRow("unknown version") << QByteArray("{\"format\": \"commandpost-incident\", \"version\": 9}")
                                         << QStringLiteral("/version: unknown version 9");
        QTest::newRow("not ours") << QByteArray("{\"format\": \"commandpost-timeline\", \"version\": 1}")
                                  << QStringLiteral("/format");
    }

    void badImportsChangeNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, place);
        const QString file = m_tmp->path(QStringLiteral("bad.json"));
        QVERIFY(m_tmp->writeBytes(file, bytes));
        const CliRun before = db(
            {QStringLiteral("incident"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        CLI_OK(before);
        const CliRun refused = db({QStringLiteral("import"), file});
        CLI_FAILS_SILENTLY(refused, ExitDataError, "invalid");
        QVERIFY2(QString::fromUtf8(refused.err).contains(place), refused.err.constData());
        QVERIFY(QString::fromUtf8(refused.err).contains(file));
        const CliRun after = db(
            {QStringLiteral("incident"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(after.out, before.out);
    }

    void refusals()
    {
        CLI_FAILS_SILENTLY(db({QStringLiteral("import"), m_tmp->path(QStringLiteral("missing.json"))}), ExitNotFound,
                           "file-missing");
        const CliRun noFormat = db({QStringLiteral("export"), QStringLiteral("--incident"), m_incident});
        QCOMPARE(noFormat.exitCode, ExitUsage);
        const CliRun badFormat = db({QStringLiteral("export"), QStringLiteral("--incident"), m_incident,
                                     QStringLiteral("--format"), QStringLiteral("docx")});
        QCOMPARE(badFormat.exitCode, ExitUsage);
        QVERIFY(badFormat.err.contains("ics201"));
        CLI_FAILS_SILENTLY(db({QStringLiteral("export"), QStringLiteral("--incident"), QStringLiteral("404"),
                               QStringLiteral("--format"), QStringLiteral("pdf")}),
                           ExitNotFound, "not-found");
        QVERIFY(!QFile::exists(m_tmp->path(QStringLiteral("never.pdf"))));
        CLI_FAILS_SILENTLY(db({QStringLiteral("export"), QStringLiteral("--incident"), QStringLiteral("404"),
                               QStringLiteral("--format"), QStringLiteral("ics214"), QStringLiteral("-o"),
                               m_tmp->path(QStringLiteral("never.pdf"))}),
                           ExitNotFound, "not-found");
        QVERIFY(!QFile::exists(m_tmp->path(QStringLiteral("never.pdf"))));
    }

    void postmortemOwnerAndDueDate()
    {
        const CliRun set =
            db({QStringLiteral("postmortem"), QStringLiteral("set"), QStringLiteral("--incident"), m_incident,
                QStringLiteral("--owner"), QStringLiteral("Bo Chen"), QStringLiteral("--due"),
                QStringLiteral("2026-11-27T17:00:00Z"), QStringLiteral("--author"), QStringLiteral("ana")});
        CLI_OK(set);
        QCOMPARE(set.out, QByteArray("2026-11-27T17:00:00Z\n"));
        const CliRun shown = db({QStringLiteral("postmortem"), QStringLiteral("show"), QStringLiteral("--incident"),
                                 m_incident, QStringLiteral("--format"), QStringLiteral("json")});
        CLI_OK(shown);
        QCOMPARE(shown.json().object().value(QStringLiteral("owner")).toString(), QStringLiteral("Bo Chen"));
        QCOMPARE(shown.json().object().value(QStringLiteral("due_at")).toString(),
                 QStringLiteral("2026-11-27T17:00:00.000Z"));
        // Without --due: the severity's default from the resolution (SEV-1: three calendar days).
        const CliRun byDefault = db({QStringLiteral("postmortem"), QStringLiteral("set"), QStringLiteral("--incident"),
                                     m_incident, QStringLiteral("--owner"), QStringLiteral("Dee Park")});
        CLI_OK(byDefault);
        QVERIFY(byDefault.out.startsWith("2026-11-23T"));
        CLI_FAILS_SILENTLY(db({QStringLiteral("postmortem"), QStringLiteral("set"), QStringLiteral("--incident"),
                               m_incident, QStringLiteral("--owner"), QStringLiteral("Bo"), QStringLiteral("--due"),
                               QStringLiteral("2020-01-01T00:00:00Z")}),
                           ExitDataError, "invalid");
        CLI_FAILS_SILENTLY(db({QStringLiteral("postmortem"), QStringLiteral("set"), QStringLiteral("--incident"),
                               QStringLiteral("404"), QStringLiteral("--owner"), QStringLiteral("Bo")}),
                           ExitNotFound, "not-found");
        const CliRun badDue =
            db({QStringLiteral("postmortem"), QStringLiteral("set"), QStringLiteral("--incident"), m_incident,
                QStringLiteral("--owner"), QStringLiteral("Bo"), QStringLiteral("--due"), QStringLiteral("next week")});
        QCOMPARE(badDue.exitCode, ExitUsage);
    }
};

QTEST_GUILESS_MAIN(TstCliExchange)
#include "tst_cliexchange.moc"
