// Counts shown to people read "1 role", "2 roles": every tr() with %n has its English plural forms
// in resources/translations/commandpost_en.ts, which the core installs at start.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

class TstPlurals : public QObject
{
    Q_OBJECT

private:
    struct Message
    {
        QString source;
        QStringList forms;
        bool unfinished = false;
    };

    QList<Message> m_messages; // the numerus messages of the .ts
    QTranslator m_english;

    // The repository's sources (not the build tree, which has folders of the same names).
    static QString sourceRoot() { return QDir(QString::fromUtf8(QT_TESTCASE_SOURCEDIR "/../..")).absolutePath(); }

    static QString unescapeLiteral(const QString &literal)
    {
        QString out;
        for (int i = 0; i < literal.size(); ++i) {
            if (literal.at(i) == QLatin1Char('\\') && i + 1 < literal.size()) {
                const QChar next = literal.at(++i);
                out += next == QLatin1Char('n') ? QStringLiteral("\n") : QString(next);
            } else {
                out += literal.at(i);
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        const QString ts = sourceRoot() + QStringLiteral("/resources/translations/commandpost_en.ts");
        QFile file(ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        Message current;
        bool numerus = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
                current = {};
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
                current.unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                current.forms << xml.readElementText();
            } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && numerus) {
                m_messages << current;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(m_messages.size() > 20);
        QVERIFY(m_english.load(QStringLiteral(":/i18n/commandpost_en.qm")));
        QVERIFY(QCoreApplication::installTranslator(&m_english));
    }

    // Each plural message has its singular and its plural, both with the count.
    void everyPluralHasBothForms()
    {
        for (const Message &m : std::as_const(m_messages)) {
            QVERIFY2(!m.unfinished, qPrintable(m.source));
            QCOMPARE(m.forms.size(), 2);
            QVERIFY2(m.forms.at(1).contains(QLatin1String("%n")), qPrintable(m.forms.at(1))); // "Amended once" may not
            QVERIFY2(m.forms.at(0) != m.forms.at(1) || !m.source.contains(QLatin1Char('(')), qPrintable(m.source));
        }
    }

    // A tr(…, nullptr, n) in the sources without its forms in the .ts would read "1 entries".
    void everyCountedStringIsInTheTranslation()
    {
        QSet<QString> known;
        for (const Message &m : std::as_const(m_messages))
            known << m.source;
        static const QRegularExpression counted(
            QStringLiteral("\\btr\\(\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+),\\s*nullptr\\s*,"));
        static const QRegularExpression piece(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
        int found = 0;
        for (const char *folder : {"core", "ui", "app"}) {
            const QString root = sourceRoot() + QLatin1Char('/') + QLatin1String(folder);
            QVERIFY2(QFileInfo(root).isDir(), qPrintable(root));
            QDirIterator it(root, {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString code = QString::fromUtf8(file.readAll());
                for (auto match = counted.globalMatch(code); match.hasNext();) {
                    QString source;
                    for (auto p = piece.globalMatch(match.next().captured(1)); p.hasNext();)
                        source += unescapeLiteral(p.next().captured(1));
                    if (!source.contains(QLatin1String("%n")))
                        continue;
                    ++found;
                    QVERIFY2(known.contains(source), qPrintable(QStringLiteral("%1: %2 — refresh the .ts (see "
                                                                               "core/CMakeLists.txt)")
                                                                    .arg(QFileInfo(file).fileName(), source)));
                }
            }
        }
        QVERIFY2(found >= 20, qPrintable(QString::number(found)));
    }

    void countsReadInTheSingularAndThePlural_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("one");
        QTest::addColumn<QString>("two");
        QTest::newRow("shadow") << "cp::ShadowWindow"
                                << "%n new entries ↑"
                                << "1 new entry ↑"
                                << "2 new entries ↑";
        QTest::newRow("resolve") << "cp::ResolveDialog"
                                 << "%n item(s) still open. Settle each one, or say why it may stay as it is: the "
                                    "reason goes on the timeline."
                                 << "1 item still open. Settle it, or say why it may stay as it is: the reason goes "
                                    "on the timeline."
                                 << "2 items still open. Settle each one, or say why it may stay as it is: the reason "
                                    "goes on the timeline.";
        QTest::newRow("call script") << "cp::CallScripts"
                                     << "> We are handling a %1, status %2, declared %n minutes ago."
                                     << "> We are handling a %1, status %2, declared 1 minute ago."
                                     << "> We are handling a %1, status %2, declared 2 minutes ago.";
        QTest::newRow("briefing") << "cp::cli::BusinessCommands"
                                  << "Briefing: %1 of %n questions answered"
                                  << "Briefing: %1 of 1 question answered"
                                  << "Briefing: %1 of 2 questions answered";
        QTest::newRow("roles") << "cp::RoleRepository"
                               << "Role structure: %1 (%n role(s))"
                               << "Role structure: %1 (1 role)"
                               << "Role structure: %1 (2 roles)";
    }

    void countsReadInTheSingularAndThePlural()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, one);
        QFETCH(QString, two);
        const QByteArray c = context.toUtf8();
        const QByteArray s = source.toUtf8();
        QCOMPARE(QCoreApplication::translate(c.constData(), s.constData(), nullptr, 1), one);
        QCOMPARE(QCoreApplication::translate(c.constData(), s.constData(), nullptr, 2), two);
    }
};

QTEST_GUILESS_MAIN(TstPlurals)
#include "tst_plurals.moc"
