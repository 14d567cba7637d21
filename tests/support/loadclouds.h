#pragma once

#include "images/cloudbrowser.h"

#include <QSignalSpy>

namespace cowherd::test {

// Points the browser at a clouds.yaml and waits until it has read the cloud names.
inline bool loadClouds(ui::CloudBrowser &browser, const QString &cloudsYaml, int timeoutMs = 60000)
{
    browser.setCloudsYaml(cloudsYaml);
    QSignalSpy loaded(&browser, &ui::CloudBrowser::cloudsLoaded);
    browser.reloadClouds();
    return loaded.wait(timeoutMs);
}

} // namespace cowherd::test
