#include "callscriptdock.h"

#include "widgets/squeezescroll.h"

#include "db/incidentstore.h"
#include "domain/clock.h"
#include "session/incidentsession.h"
#include "widgets/accessiblename.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QTabBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cp {

CallScriptDock::CallScriptDock(IncidentStore &store, const Clock &clock, QWidget *parent)
    : DeferredDock(QStringLiteral("callScriptDock"), parent), m_store(store), m_clock(clock),
      m_focusAction(new QAction(this))
{
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    m_focusAction->setObjectName(QStringLiteral("focusCallScriptAction"));
    m_focusAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    connect(m_focusAction, &QAction::triggered, this, [this] {
        reveal();
        m_tabs->setFocus(Qt::ShortcutFocusReason);
    });
    retranslateUi();
}

QWidget *CallScriptDock::buildContent()
{
    auto *page = new QWidget(this);
    m_tabs = new QTabBar(page);
    m_tabs->setObjectName(QStringLiteral("callScriptTabs"));
    m_tabs->setExpanding(false);
    for (CallScriptCard card : CallScripts::allCards())
        m_tabs->setTabData(m_tabs->addTab(QString()), static_cast<int>(card));
    m_follow = new QCheckBox(page);
    m_follow->setObjectName(QStringLiteral("followIncidentCheck"));
    m_follow->setChecked(true);
    m_text = new QTextBrowser(page);
    m_text->setObjectName(QStringLiteral("callScriptText"));
    m_text->setOpenLinks(false);
    auto *head = new QHBoxLayout;
    head->addWidget(m_tabs, 1);
    head->addWidget(m_follow);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(head);
    layout->addWidget(m_text, 1);
    QWidget *frame = scrollWhenSqueezed(page, this);

    connect(m_tabs, &QTabBar::tabBarClicked, this, [this](int index) {
        if (index >= 0)
            showCard(static_cast<CallScriptCard>(m_tabs->tabData(index).toInt()));
    });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            refresh();
    });
    // The state the cards follow.
    auto mine = [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            refresh();
    };
    connect(&m_store.rollCalls(), &RollCallRepository::rollCallChanged, this, mine);
    connect(&m_store.rollCalls(), &RollCallRepository::rollCallItemChanged, this, mine);
    connect(&m_store.rollCalls(), &RollCallRepository::actionChanged, this, mine);
    connect(&m_store.timers(), &TimerRepository::timerChanged, this, mine);
    connect(&m_store.roles(), &RoleRepository::roleChanged, this, mine);
    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, mine);
    m_refresh.setInterval(30000);
    m_refresh.setTimerType(Qt::CoarseTimer);
    m_refresh.callOnTimeout(this, &CallScriptDock::refresh);
    m_refresh.start();
    retranslateUi();
    return frame;
}

void CallScriptDock::retranslateUi()
{
    setWindowTitle(tr("Call script"));
    m_focusAction->setText(tr("Call &script cards"));
    if (!isBuilt())
        return;
    setAccessibleLabel(m_tabs, tr("Call-script cards"));
    setAccessibleLabel(m_text, tr("Call script"));
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabText(i, CallScripts::title(static_cast<CallScriptCard>(m_tabs->tabData(i).toInt())));
    m_follow->setText(tr("Follow the incident"));
    m_follow->setToolTip(tr("Show the card the incident's state calls for"));
    render();
}

void CallScriptDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    DeferredDock::changeEvent(event);
}

void CallScriptDock::showSession(IncidentSession *session)
{
    const qint64 incidentId = session ? session->incidentId() : 0;
    m_incidentId = incidentId;
    setEnabled(incidentId > 0);
    refresh();
}

bool CallScriptDock::isFollowing() const
{
    ensureBuilt();
    return m_follow->isChecked();
}

void CallScriptDock::setFollowing(bool follow)
{
    ensureBuilt();
    m_follow->setChecked(follow);
}

void CallScriptDock::showCard(CallScriptCard card)
{
    ensureBuilt();
    m_follow->setChecked(false);
    m_card = card;
    render();
}

void CallScriptDock::refresh()
{
    ensureBuilt();
    if (m_incidentId <= 0 || !m_store.session().isOpen()) {
        m_context = CallScriptContext();
        render();
        return;
    }
    auto context = CallScripts::context(m_store, m_incidentId, m_clock.nowUtc());
    if (!context)
        return;
    m_context = *context;
    if (isFollowing())
        m_card = CallScripts::suggested(m_context);
    render();
}

QString CallScriptDock::cardText() const
{
    ensureBuilt();
    return m_text->toPlainText();
}

void CallScriptDock::render()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->tabData(i).toInt() == static_cast<int>(m_card))
            m_tabs->setCurrentIndex(i);
    }
    // Lines said aloud are set apart as quotes; the rest are reminders.
    QString html = QStringLiteral("<h3>%1</h3>").arg(CallScripts::title(m_card).toHtmlEscaped());
    for (const QString &line : CallScripts::lines(m_card, m_context)) {
        if (line.startsWith(QLatin1String("> ")))
            html += QStringLiteral("<p style=\"margin-left:12px; font-size:large;\"><b>“%1”</b></p>")
                        .arg(line.mid(2).toHtmlEscaped());
        else
            html += QStringLiteral("<p>%1</p>").arg(line.toHtmlEscaped());
    }
    m_text->setHtml(html);
}

} // namespace cp
