#include "statusreportdialog.h"

#include "db/incidentstore.h"
#include "domain/clock.h"
#include "exchange/statusreport.h"
#include "session/incidentsession.h"
#include "undo/savestatus.h"
#include "undo/storecommands.h"
#include "widgets/kindstyle.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

StatusReportDialog::StatusReportDialog(IncidentSession &session, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_session(session), m_clock(clock), m_editor(new QPlainTextEdit(this)),
      m_cadenceLabel(new QLabel(this)), m_cadenceBoxes(new QWidget(this)), m_error(new QLabel(this)),
      m_logButton(nullptr)
{
    setObjectName(QStringLiteral("statusReportDialog"));
    setWindowTitle(tr("Compose a status report"));
    m_editor->setObjectName(QStringLiteral("statusReportEdit"));
    m_cadenceLabel->setObjectName(QStringLiteral("statusCadenceLabel"));
    m_cadenceLabel->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("statusReportError"));
    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, KindStyle::errorColor());
    m_error->setPalette(palette);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_logButton = buttons->addButton(tr("Log, copy and restart the ticked cadences"), QDialogButtonBox::AcceptRole);
    m_logButton->setObjectName(QStringLiteral("logStatusButton"));
    m_logButton->setDefault(true);
    auto *redraftButton = buttons->addButton(tr("Redraft"), QDialogButtonBox::ResetRole);
    redraftButton->setObjectName(QStringLiteral("redraftButton"));
    connect(redraftButton, &QPushButton::clicked, this, &StatusReportDialog::redraft);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (logAndCopy())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Drafted from the live state; edit it before it goes out."), this));
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_cadenceLabel);
    new QVBoxLayout(m_cadenceBoxes);
    m_cadenceBoxes->layout()->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_cadenceBoxes);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(680, 520);
    redraft();
}

void StatusReportDialog::redraft()
{
    auto facts = StatusReport::gather(m_session.store(), m_session.incidentId());
    if (!facts) {
        m_error->setText(facts.error().message());
        return;
    }
    m_error->clear();
    m_editor->setPlainText(StatusReport::draft(*facts, m_clock.nowUtc(), QTimeZone::systemTimeZone()));
    qDeleteAll(m_cadenceBoxes->findChildren<QCheckBox *>(Qt::FindDirectChildrenOnly));
    for (const Timer &cadence : std::as_const(facts->cadences)) {
        const QString due =
            cadence.deadlineAt.isValid()
                ? cadence.deadlineAt.toTimeZone(QTimeZone::systemTimeZone()).toString(QStringLiteral("HH:mm"))
                : tr("paused");
        auto *box = new QCheckBox(tr("“%1” (due %2; next a full %3 from now)")
                                      .arg(cadence.label, due, TimerVocabulary::durationText(cadence.durationMs)),
                                  m_cadenceBoxes);
        box->setObjectName(QStringLiteral("restartCadence_%1").arg(cadence.id));
        box->setProperty("timerId", cadence.id);
        box->setChecked(cadence.id == facts->cadence.id); // the one due first
        m_cadenceBoxes->layout()->addWidget(box);
    }
    m_cadenceLabel->setText(facts->cadences.isEmpty()
                                ? tr("No status-update cadence is running; none is restarted.")
                                : tr("Which update does this report answer? Logging it restarts the ticked timers."));
}

QList<qint64> StatusReportDialog::cadencesToRestart() const
{
    QList<qint64> ids;
    for (const QCheckBox *box : m_cadenceBoxes->findChildren<QCheckBox *>(Qt::FindDirectChildrenOnly)) {
        if (box->isChecked())
            ids << box->property("timerId").toLongLong();
    }
    return ids;
}

bool StatusReportDialog::logAndCopy()
{
    NewEntry entry;
    entry.incidentId = m_session.incidentId();
    entry.kind = EntryKind::Status;
    entry.author = m_session.author();
    entry.text = m_editor->toPlainText().trimmed();
    if (entry.text.isEmpty()) {
        m_error->setText(tr("The report is empty: redraft it or write one."));
        return false;
    }
    const StoreError error =
        m_session.run(std::make_unique<LogEntryCommand>(m_session.store(), &m_session.saveStatus(), entry));
    if (!error.ok()) {
        m_error->setText(error.message());
        return false;
    }
    QGuiApplication::clipboard()->setText(entry.text);
    for (qint64 cadenceId : cadencesToRestart()) {
        if (const StoreError restart =
                m_session.write([&] { return m_session.store().timers().restart(cadenceId, entry.author); });
            !restart.ok()) {
            m_error->setText(restart.message());
            return false;
        }
    }
    return true;
}

} // namespace cp
