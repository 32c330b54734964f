#include "incidentstatusbar.h"

#include "server/serverclock.h"
#include "server/serverlink.h"
#include "widgets/incidentclocklabel.h"
#include "widgets/kindstyle.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>

namespace cp {

namespace {

QString boldIn(const QColor &color)
{
    return QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(color.name());
}

} // namespace

IncidentStatusBar::IncidentStatusBar(const Clock &clock, const QString &databasePath, QWidget *parent)
    : QStatusBar(parent), m_databasePath(databasePath), m_clockLabel(new IncidentClockLabel(clock, this))
{
    m_clockLabel->setObjectName(QStringLiteral("incidentClock"));
    m_clockLabel->setContentsMargins(6, 0, 6, 0);
    m_leftWidgets = insertWidget(0, m_clockLabel) + 1;
    m_severityStatus = addLabel("severityStatus");
    m_statusStatus = addLabel("statusStatus");
    m_vacancyLabel = addLabel("vacancyStatus");
    m_vacancyLabel->setStyleSheet(boldIn(KindStyle::errorColor()));
    m_nextTimerLabel = addLabel("nextTimerStatus", false, 1);
    m_nextTimerLabel->setTextFormat(Qt::PlainText);
    // The longest text here ("Overdue: … · Next: …") is cut at the window's edge (its tooltip has it
    // whole) rather than widening a 1280-pixel window past its screen beside the server link.
    m_nextTimerLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_clockOffsetLabel = addLabel("clockOffsetStatus");
    m_clockOffsetLabel->setTextFormat(Qt::PlainText);
    m_clockOffsetLabel->setStyleSheet(boldIn(KindStyle::errorColor()));
    m_clockOffsetLabel->hide();
    m_linkLabel = addLabel("serverLinkStatus", true);
    m_linkLabel->setTextFormat(Qt::PlainText);
    m_linkLabel->hide();
    m_saveLabel = addLabel("saveIndicator", true);
    m_saveLabel->setTextFormat(Qt::PlainText);
    m_saveLabel->setToolTip(QDir::toNativeSeparators(m_databasePath));
    // Idle, not disabled: a disabled label's grey is unreadable (1.6:1); quiet keeps 4.5:1.
    m_saveLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KindStyle::quietColor().name()));
    m_wallClock = addLabel("wallClock", true);
    connect(m_clockLabel, &IncidentClockLabel::ticked, this, [this](const QDateTime &nowUtc) {
        // Times are stored in UTC and shown in local time: say which zone that is.
        m_wallClock->setText(nowUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss t")));
    });
}

QLabel *IncidentStatusBar::addLabel(const char *name, bool permanent, int stretch)
{
    auto *label = new QLabel(this);
    label->setObjectName(QLatin1String(name));
    label->setContentsMargins(6, 0, 6, 0);
    if (permanent)
        addPermanentWidget(label, stretch);
    else
        m_leftWidgets = insertWidget(m_leftWidgets, label, stretch) + 1;
    return label;
}

void IncidentStatusBar::addNotice(QWidget *notice)
{
    insertPermanentWidget(m_leftWidgets, notice);
}

void IncidentStatusBar::showIncident(const Incident *incident)
{
    m_haveIncident = incident;
    if (incident) {
        m_clockLabel->setTimes(incident->declaredAt, incident->resolvedAt);
        const Chip severity = KindStyle::severityChip(incident->severity);
        m_severityStatus->setText(IncidentVocabulary::severityKey(incident->severity));
        m_severityStatus->setStyleSheet(
            QStringLiteral("QLabel { color: %1; background: %2; border-radius: 3px; padding: 1px 6px; "
                           "font-weight: bold; }")
                .arg(severity.text.name(), severity.fill.name()));
        m_statusStatus->setText(IncidentVocabulary::statusLabel(incident->status));
        m_statusStatus->setStyleSheet(boldIn(KindStyle::statusColor(incident->status)));
    } else {
        m_clockLabel->clear();
        m_severityStatus->clear();
        m_severityStatus->setStyleSheet(QString());
        m_statusStatus->setText(tr("No incident open"));
        m_statusStatus->setStyleSheet(QString());
    }
    m_severityStatus->setVisible(incident);
}

void IncidentStatusBar::showVacancies(const QString &text)
{
    m_vacancyLabel->setText(text);
}

void IncidentStatusBar::showNextDue(const QString &text, bool overdue)
{
    m_nextTimerLabel->setText(text);
    m_nextTimerLabel->setToolTip(text);
    m_nextTimerLabel->setStyleSheet(overdue ? boldIn(KindStyle::errorColor()) : QString());
}

void IncidentStatusBar::showClockOffset(qint64 offsetMs)
{
    const QString text = ServerClock::offsetText(offsetMs);
    m_clockOffsetLabel->setText(text);
    m_clockOffsetLabel->setToolTip(
        tr("What you capture is stamped with the server's time, so the team's times agree. Set this computer's "
           "clock right (automatic time, NTP) to see the times the others see."));
    m_clockOffsetLabel->setVisible(!text.isEmpty());
}

void IncidentStatusBar::showLink(const ServerLink &link, const QString &serverName)
{
    m_linkLabel->setText(tr("Server %1: %2").arg(serverName, link.stateText().toLower()));
    m_linkLabel->setToolTip(link.detailText());
    m_linkLabel->setStyleSheet(link.isDown()
                                   ? boldIn(KindStyle::errorColor())
                                   : QStringLiteral("QLabel { color: %1; }").arg(KindStyle::savedColor().name()));
    m_linkLabel->show();
}

void IncidentStatusBar::showSaved(const QDateTime &atUtc)
{
    m_saveReported = true;
    m_saveLabel->setText(tr("Saved %1").arg(IncidentClockLabel::timeOfDay(atUtc.toLocalTime().time())));
    setSaveLook(SaveLook::Saved);
}

void IncidentStatusBar::showSaveError(const StoreError &error)
{
    m_saveReported = true;
    const QString text = tr("Not saved: %1").arg(error.message());
    m_saveLabel->setText(m_saveLabel->fontMetrics().elidedText(text, Qt::ElideRight, 520));
    m_saveLabel->setToolTip(text);
    setSaveLook(SaveLook::Failed);
}

void IncidentStatusBar::setSaveLook(SaveLook look)
{
    if (look == m_saveLook)
        return;
    m_saveLook = look;
    if (look == SaveLook::Failed) {
        m_saveLabel->setStyleSheet(boldIn(KindStyle::errorColor()));
        return;
    }
    m_saveLabel->setToolTip(tr("Every change shown here is committed to %1").arg(m_databasePath));
    m_saveLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(KindStyle::savedColor().name()));
}

void IncidentStatusBar::retranslateUi()
{
    if (!m_saveReported)
        m_saveLabel->setText(tr("Ready · %1").arg(QFileInfo(m_databasePath).fileName()));
    if (m_saveLook == SaveLook::Saved)
        m_saveLabel->setToolTip(tr("Every change shown here is committed to %1").arg(m_databasePath));
    m_wallClock->setToolTip(tr("The time now; the timeline shows times in this zone"));
    if (!m_haveIncident)
        m_statusStatus->setText(tr("No incident open"));
}

} // namespace cp
