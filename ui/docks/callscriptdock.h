#pragma once

#include "exchange/callscripts.h"

#include "deferreddock.h"

#include <QTimer>

class QAction;
class QCheckBox;
class QTabBar;
class QTextBrowser;

namespace cp {

class Clock;
class IncidentSession;
class IncidentStore;

// The IC's call-script cards: start of call, roll call, status update, hand-over and executive
// swoop, filled in with the incident's facts. While "Follow the incident" is on, the card the
// state calls for comes up by itself (a round opens: the roll call card; the update cadence is
// due: the status update card); choosing a card by hand turns following off.
class CallScriptDock final : public DeferredDock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallScriptDock)

public:
    CallScriptDock(IncidentStore &store, const Clock &clock, QWidget *parent = nullptr);

    CallScriptCard currentCard() const
    {
        ensureBuilt();
        return m_card;
    }
    void showCard(CallScriptCard card); // by hand: stops following
    bool isFollowing() const;
    void setFollowing(bool follow);
    QString cardText() const;
    void refresh();

    QAction *focusAction() const { return m_focusAction; }
    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;
    QWidget *buildContent() override;
    void showSession(IncidentSession *session) override;

private:
    void render();

    IncidentStore &m_store;
    const Clock &m_clock;
    qint64 m_incidentId = 0;
    CallScriptCard m_card = CallScriptCard::StartOfCall;
    CallScriptContext m_context;
    QTabBar *m_tabs = nullptr;
    QCheckBox *m_follow = nullptr;
    QTextBrowser *m_text = nullptr;
    QTimer m_refresh;
    QAction *m_focusAction;
};

} // namespace cp
