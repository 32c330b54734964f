#include "db/incidentstore.h"
#include "exchange/timelineexport.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cp;

class TstTimelineExport : public QObject
{
    Q_OBJECT

private:
    test::TempDatabase m_tmp;
    test::FakeClock m_clock;
    IncidentStore m_store{m_clock};
    qint64 m_incident = 0;

    QByteArray exported(TimelineExport::Format format)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const StoreError error = TimelineExport::write(m_store, m_incident, format, buffer);
        if (!error.ok())
            qWarning() << error.message();
        return buffer.data();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_store.session().open(m_tmp.path()).ok());
        m_incident = *m_store.incidents().create({QStringLiteral("Checkout down")}, QStringLiteral("ana"));
        for (int i = 0; i < 2500; ++i) { // more than one export page
            m_clock.advanceSecs(1);
            NewEntry e{m_incident, EntryKind::Action, QStringLiteral("Bo"), QStringLiteral("step %1").arg(i)};
            QVERIFY(m_store.timeline().append(e).ok());
        }
        NewEntry tricky{m_incident,
                        EntryKind::Callout,
                        QStringLiteral("Cy, the scribe"),
                        QStringLiteral("He said \"no\",\nthen left"),
                        {QStringLiteral("followup")},
                        true};
        m_clock.advanceSecs(1);
        QVERIFY(m_store.timeline().append(tricky).ok());
    }

    void jsonIsCompleteAndOldestFirst()
    {
        const QJsonDocument doc = QJsonDocument::fromJson(exported(TimelineExport::Format::Json));
        QVERIFY(doc.isObject());
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("commandpost-timeline"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("incident")).toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Checkout down"));
        const QJsonArray entries = root.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 2502);
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("step 0"));
        const QJsonObject last = entries.last().toObject();
        QCOMPARE(last.value(QStringLiteral("text")).toString(), QStringLiteral("He said \"no\",\nthen left"));
        QCOMPARE(last.value(QStringLiteral("key_event")).toBool(), true);
        QCOMPARE(last.value(QStringLiteral("tags")).toArray().first().toString(), QStringLiteral("followup"));
        QCOMPARE(last.value(QStringLiteral("occurred_at")).toString(), QStringLiteral("2026-11-22T14:41:41.000Z"));
    }

    // RFC 4180: records end in CRLF; a line break inside a quoted field stays as typed.
    void csvQuotesWhatNeedsQuoting()
    {
        const QString csv = QString::fromUtf8(exported(TimelineExport::Format::Csv));
        QVERIFY(csv.startsWith(
            QStringLiteral("id,occurred_at,captured_at,kind,author,key_event,retracted,revision,tags,text\r\n")));
        QVERIFY(csv.contains(
            QStringLiteral(",callout,\"Cy, the scribe\",1,0,0,followup,\"He said \"\"no\"\",\nthen left\"\r\n")));
        QCOMPARE(csv.count(QStringLiteral(",action,Bo,")), 2500);
    }

    void textIsOneLinePerEntry()
    {
        const QString text = QString::fromUtf8(exported(TimelineExport::Format::Text));
        QCOMPARE(text.count(QLatin1Char('\n')), 2502);
        QVERIFY(text.contains(QStringLiteral("\tcallout\tCy, the scribe\tHe said \"no\", then left\n")));
    }

    void unknownIncidentIsAnError()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QCOMPARE(TimelineExport::write(m_store, 999, TimelineExport::Format::Json, buffer).code(),
                 StoreError::Code::NotFound);
        QVERIFY(!TimelineExport::formatFromKey(QStringLiteral("xml")));
    }
};

QTEST_GUILESS_MAIN(TstTimelineExport)
#include "tst_timelineexport.moc"
