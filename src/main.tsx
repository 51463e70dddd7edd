/** Entry point: creates the lab for this page (opened on the URL's link or the first lesson) and renders it. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createLab } from "./app/createLab";
import { App } from "./ui/App";
import { LabProvider } from "./ui/LabContext";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const lab = createLab();
createRoot(root).render(
  <StrictMode>
    <LabProvider lab={lab}>
      <App />
    </LabProvider>
  </StrictMode>,
);
