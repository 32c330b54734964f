// CSV exports neutralise spreadsheet formulas (OWASP): a field starting with = + - @, a tab or a
// carriage return gets a leading single quote; the text stays readable, JSON and the database
// keep it verbatim, and CommandPost's own CSV reads back to the original text.
#include "db/incidentstore.h"
#include "exchange/csvfield.h"
#include "exchange/csvreader.h"
#include "exchange/rostercsv.h"
#include "exchange/timelineexport.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cp;

class TstCsvField : public QObject
{
    Q_OBJECT

    static QStringList hostile()
    {
        return {QStringLiteral("=HYPERLINK(\"http://x\",\"click\")"),
                QStringLiteral("+1+cmd|' /C calc'!A0"),
                QStringLiteral("-2+3"),
                QStringLiteral("@SUM(A1)"),
                QStringLiteral("\tindented"),
                QStringLiteral("\r=carriage"),
                QStringLiteral("'=already quoted"),
                QStringLiteral("''-two quotes"),
                QStringLiteral("'plain quote"),
                QStringLiteral("plain, with comma"),
                QStringLiteral("a = b")};
    }

private slots:
    void writeNeutralisesAndReadRestores()
    {
        QCOMPARE(CsvField::write(QStringLiteral("=1+1")), QStringLiteral("'=1+1"));
        QCOMPARE(CsvField::write(QStringLiteral("@A1,B2")), QStringLiteral("\"'@A1,B2\""));
        QCOMPARE(CsvField::write(QStringLiteral("a = b")), QStringLiteral("a = b"));
        QCOMPARE(CsvField::write(QStringLiteral("'plain")), QStringLiteral("'plain"));
        for (const QString &value : hostile()) {
            const QString field = CsvField::write(value);
            QList<CsvReader::Record> records;
            QString error;
            QVERIFY2(CsvReader::parse((field + QLatin1Char('\n')).toUtf8(), &records, &error), qPrintable(error));
            const QString cell = records.value(0).fields.value(0);
            // What a spreadsheet sees never starts a formula.
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.at(0)), qPrintable(cell));
            QCOMPARE(CsvField::read(cell), value);
        }
    }

    void timelineCsvIsNeutralisedJsonVerbatim()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(store.session().open(tmp.path()).ok());
        auto id = store.incidents().create({QStringLiteral("Formulas"), {}, Severity::Sev3}, QStringLiteral("ana"));
        QVERIFY(id.ok());
        for (const QString &text : hostile())
            QVERIFY(store.timeline().append({*id, EntryKind::Note, QStringLiteral("=author"), text}).ok());

        QByteArray csv;
        QBuffer csvOut(&csv);
        csvOut.open(QIODevice::WriteOnly);
        QVERIFY(TimelineExport::write(store, *id, TimelineExport::Format::Csv, csvOut).ok());
        QList<CsvReader::Record> records;
        QString error;
        QVERIFY2(CsvReader::parse(csv, &records, &error), qPrintable(error));
        for (const CsvReader::Record &record : std::as_const(records))
            for (const QString &cell : record.fields)
                QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.at(0)), qPrintable(cell));
        QVERIFY(csv.contains("'=author"));
        QVERIFY(csv.contains("'@SUM(A1)"));

        QByteArray json;
        QBuffer jsonOut(&json);
        jsonOut.open(QIODevice::WriteOnly);
        QVERIFY(TimelineExport::write(store, *id, TimelineExport::Format::Json, jsonOut).ok());
        QVERIFY(json.contains("\"=author\""));
        QVERIFY(json.contains("\"@SUM(A1)\""));
        // The database keeps what was typed (an entry's text is trimmed of outer white space).
        auto entries = store.timeline().entries(TimelinePage{*id});
        QVERIFY(entries.ok());
        QStringList texts;
        for (const TimelineEntry &e : *entries)
            texts << e.text;
        for (const QString &text : hostile())
            QVERIFY2(texts.contains(text.trimmed()), qPrintable(text));
    }

    void rosterCsvRoundTrips()
    {
        QList<Person> people;
        int n = 0;
        for (const QString &value : hostile()) {
            Person p;
            p.name = value.trimmed().isEmpty() ? QStringLiteral("x") : value.trimmed();
            p.handle = QStringLiteral("h%1").arg(++n);
            p.team = QStringLiteral("=team");
            p.contact = QStringLiteral("+44 20 7946 0000");
            people << p;
        }
        const QByteArray csv = RosterCsv::writePeople(people);
        QVERIFY(csv.contains("'+44 20 7946 0000"));
        QVERIFY(!csv.contains("\n=") && !csv.contains(",="));
        QList<Person> back;
        QString error;
        QVERIFY2(RosterCsv::readPeople(csv, &back, &error), qPrintable(error));
        QCOMPARE(back.size(), people.size());
        for (int i = 0; i < people.size(); ++i) {
            QCOMPARE(back.at(i).name, people.at(i).name);
            QCOMPARE(back.at(i).team, QStringLiteral("=team"));
            QCOMPARE(back.at(i).contact, QStringLiteral("+44 20 7946 0000"));
        }
    }
};

QTEST_GUILESS_MAIN(TstCsvField)
#include "tst_csvfield.moc"
